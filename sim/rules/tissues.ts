// Tissue sizes, as a table for the rules and events that place packets and cells inside a
// tissue (release, dosing, inject, cell placement). A rule with an init and no run.
import type { Model } from '../model';
import type { Rule } from '../rule';

export interface TissueTable {
  /** Width and height per tissue (µm). */
  width: Float64Array;
  height: Float64Array;
}

export function initTissues(m: Model): TissueTable {
  const s = m.scenario;
  const ids = m.index.tissues;
  return {
    width: Float64Array.from(ids.map((id) => s.tissues[id].width)),
    height: Float64Array.from(ids.map((id) => s.tissues[id].height)),
  };
}

export const tissuesRule: Rule<'tissues'> = { name: 'tissues', init: initTissues };
