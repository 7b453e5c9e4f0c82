// Fixed angle tables for placing packets on a cell's rim and daughters beside a mother cell.
// Computed once at load (with sim/exactMath.ts, so every engine gets the same bits); the hot paths only read them.
import { cos, sin } from '../exactMath';

export const RIM_ANGLES = 64;
export const RIM_COS = new Float64Array(RIM_ANGLES);
export const RIM_SIN = new Float64Array(RIM_ANGLES);
for (let a = 0; a < RIM_ANGLES; a++) {
  RIM_COS[a] = cos((2 * Math.PI * a) / RIM_ANGLES);
  RIM_SIN[a] = sin((2 * Math.PI * a) / RIM_ANGLES);
}
