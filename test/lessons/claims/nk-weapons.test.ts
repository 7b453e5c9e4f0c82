// The numbers the nk-weapons lesson's texts state, measured in its runs (lesson.claims; see ../claims.ts).
import { describeClaims } from '../claims';

describeClaims('nk-weapons');
