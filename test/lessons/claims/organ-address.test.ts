// The numbers the organ-address lesson's texts state, measured in its runs (lesson.claims; see ../claims.ts).
import { describeClaims } from '../claims';

describeClaims('organ-address');
