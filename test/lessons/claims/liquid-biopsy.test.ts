// The numbers the liquid-biopsy lesson's texts state, measured in its runs (lesson.claims; see ../claims.ts).
import { describeClaims } from '../claims';

describeClaims('liquid-biopsy');
