// The numbers the calm-inflammation lesson's texts state, measured in its runs (lesson.claims; see ../claims.ts).
import { describeClaims } from '../claims';

describeClaims('calm-inflammation');
