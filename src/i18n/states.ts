// Cell states as words: the built-in lessons' state ids ("resting", "niche-primed") in bokmål,
// for the charts, the rules and the run in words. Ids Cellpost does not know are shown as written.
/** The built-in lessons' cell states as bokmål words (adjectives, as in "når den er hvilende"). */
export const NB_STATES: Record<string, string> = {
  alive: 'levende',
  resting: 'hvilende',
  responding: 'reagerende',
  active: 'aktiv',
  suppressed: 'hemmet',
  M1: 'M1',
  M2: 'M2',
  activated: 'aktivert',
  'niche-primed': 'forberedt som nisje',
  inflamed: 'betent',
  healthy: 'frisk',
  injured: 'skadet',
  quiet: 'rolig',
  profibrotic: 'profibrotisk',
  // The experiment builder's default second state (a switch's target).
  switched: 'slått om',
};
