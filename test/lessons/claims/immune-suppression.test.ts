// The numbers the immune-suppression lesson's texts state, measured in its runs (lesson.claims; see ../claims.ts).
import { describeClaims } from '../claims';

describeClaims('immune-suppression');
