// The numbers the gut-messages lesson's texts state, measured in its runs (lesson.claims; see ../claims.ts).
import { describeClaims } from '../claims';

describeClaims('gut-messages');
