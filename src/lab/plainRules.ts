// "The rules in plain words": the model's rules for one scenario, written out from its data (never
// by hand per lesson) as short sentences grouped by cell kind, then vesicles, places and blood.
// Every number in a sentence is a part that names the setting it comes from, so a screen can show
// it live and link it to its setting, and a test can check it against the scenario. The words
// come from a phrasebook (PlainWords): English here, bokmål in src/lab/i18n/plainRulesNb.ts.
// i18n-exempt-file: the English phrasebook of the rules in plain words; its bokmål is src/lab/i18n/plainRulesNb.ts, and its other strings are setting paths and unit keys, not words for people
import type { Scenario } from '../../sim/schema';
import { NO_LAST_DOSE } from '../../sim/state';

/** One number of a sentence: the value of the setting at `path`, with its unit. */
export interface NumberPart {
  path: string;
  value: number;
  unit: string;
}

/** A sentence: plain text and numbers, in reading order. */
export type Sentence = (string | NumberPart)[];

export interface RuleGroup {
  /** What the group is about: a cell kind's name, "Vesicles", a tissue's name, "Blood". */
  title: string;
  /** The cell type, vesicle type or tissue id the group describes (none for the blood). */
  id?: string;
  kind: 'cell' | 'vesicles' | 'place' | 'blood';
  sentences: Sentence[];
}

const num = (path: string, value: number, unit = ''): NumberPart => ({ path, value, unit });

/** A number part as a phrase: the number and its unit. */
type N = NumberPart;

/**
 * The sentences of the rules in one language. Each phrase gets the names (already quoted where
 * the sentence quotes them) and number parts it needs, and returns a sentence.
 */
export interface PlainWords {
  /** A number as people of this language write it. */
  number(x: number): string;
  /** A unit's words ("per hour", "bound dots", "h"); % and symbols stay. */
  unit(u: string): string;
  /** "a", "a and b", "a, b and c" (or with "or"). */
  list(words: string[], or?: boolean): string;
  quote(name: string): string;
  /** A state id as a word ("resting"). */
  state(id: string): string;
  joinLast: string;
  starts(placed: Sentence, radius: N): Sentence;
  inTissue(count: Sentence, tissue: string): Sentence;
  releases(perHour: N, vesicles: string, whileStates: string | null): Sentence;
  drugStops(share: N): Sentence;
  labelStrength(label: string, strength: N, through: string | null): Sentence;
  receptorsCatch(receptors: string, reads: Sentence): Sentence;
  receptorsMatchNone(receptors: string): Sentence;
  noReceptor: string;
  byChance(strength: N): Sentence;
  internalises(rate: N, full: N): Sentence;
  states(states: string, first: string): Sentence;
  transition(from: string | null, to: string | null, signal: string | null, when: 'above' | 'below', K: N | null, n: N | null, rate: N): Sentence;
  wanders(motility: N): Sentence;
  staysPut: string;
  divides(hours: N): Sentence;
  dies(rate: N): Sentence;
  kills(fromStates: string | null, targets: string, targetStates: string | null, reach: N, rate: N): Sentence;
  vesiclesTitle: string;
  dotStandsFor(n: N): Sentence;
  carries(vesicles: string, labels: string[]): string;
  bindingAdds: string;
  cargoAdds: string;
  amount(n: N, signal: string): Sentence;
  clearsFaster(factor: N): Sentence;
  /** `until`: the last dose's time, null when the doses have no end. */
  dose(name: string, dots: N, vesicles: string, where: string | null, every: N, from: N, until: N | null): Sentence;
  blocked(share: N, label: string): Sentence;
  binds(speed: N): Sentence;
  delivers(share: N): Sentence;
  signalFades(signal: string, half: N): Sentence;
  patch(width: N, height: N, diffusion: N, drift: string): Sentence;
  freeHalfLife(half: N): Sentence;
  vessel(band: number, entry: N): Sentence;
  barrier(orientation: string, position: N, permeability: N | null): Sentence;
  represents(n: N): Sentence;
  receives(share: N): Sentence;
  bloodTitle: string;
  pool(volume: N, half: N): Sentence;
  leavesBlood(rate: N): Sentence;
  detects(limit: N, background: N): Sentence;
}

const EN_UNITS: Record<string, string> = {};

/** The rules in English. */
export const ENGLISH_WORDS: PlainWords = {
  number: (x) => (Number.isInteger(x) ? x.toLocaleString('en-GB') : x.toLocaleString('en-GB', { maximumSignificantDigits: 3 })),
  unit: (u) => EN_UNITS[u] ?? u,
  list: (words, or = false) => (words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} ${or ? 'or' : 'and'} ${words[words.length - 1]}`),
  quote: (name) => `“${name}”`,
  state: (id) => id,
  joinLast: ' and ',
  starts: (placed, radius) => ['Starts with ', ...placed, ' (radius ', radius, ').'],
  inTissue: (count, tissue) => [...count, ` in the ${tissue}`],
  releases: (perHour, vesicles, whileStates) => ['Releases ', perHour, ` ${vesicles} an hour per cell${whileStates ? ` while ${whileStates}` : ''}.`],
  drugStops: (share) => ['A drug stops ', share, ' of its release.'],
  labelStrength: (label, strength, through) => [`${label} (strength `, strength, ` of 1${through ? `, through ${through}` : ''})`],
  receptorsCatch: (receptors, reads) => [`Its receptors (${receptors}) catch vesicles that carry `, ...reads, '.'],
  receptorsMatchNone: (receptors) => [`Its receptors (${receptors}) match no label in this scenario.`],
  noReceptor: 'Has no receptor that matches an address label.',
  byChance: (strength) => ['Takes up any vesicle by chance, at ', strength, ' of a full match’s strength.'],
  internalises: (rate, full) => ['Takes bound vesicles inside at ', rate, '; its surface is full at ', full, '.'],
  states: (states, first) => [`Its states: ${states} (it starts ${first}).`],
  transition: (from, to, signal, when, K, n, rate) => {
    const who = from !== null ? `When ${from}, it` : 'It';
    const does = to === null ? 'dies' : `switches to ${to}`;
    const tail: Sentence = [', at up to ', rate, '.'];
    if (signal === null || K === null || n === null) return [`${who} ${does}`, ...tail];
    return [`${who} ${does} once ${signal} is ${when} `, K, ' (half speed there; steepness ', n, ')', ...tail];
  },
  wanders: (motility) => ['Wanders at random (motility ', motility, ').'],
  staysPut: 'Stays where it is.',
  divides: (hours) => ['Divides about every ', hours, ' when there is room beside it.'],
  dies: (rate) => ['Dies at random at ', rate, '.'],
  kills: (fromStates, targets, targetStates, reach, rate) => [
    `${fromStates ? `When ${fromStates}, it` : 'It'} kills any ${targets}${targetStates ? ` that is ${targetStates}` : ''} it touches (within `,
    reach,
    ') at ',
    rate,
    '.',
  ],
  vesiclesTitle: 'Vesicles',
  dotStandsFor: (n) => ['Each dot on screen stands for ', n, '.'],
  carries: (vesicles, labels) => `${vesicles} carry ${labels.length > 0 ? `the address label${labels.length > 1 ? 's' : ''} ${ENGLISH_WORDS.list(labels)}` : 'no address label'}`,
  bindingAdds: '; binding adds ',
  cargoAdds: '; delivered cargo adds ',
  amount: (n, signal) => [n, ` of ${signal}`],
  clearsFaster: (factor) => ['; the blood clears them ', factor, ' as fast'],
  dose: (name, dots, vesicles, where, every, from, until) => [
    `A dose (${name}) of `,
    dots,
    ` of ${vesicles} goes ${where !== null ? `into the ${where}` : 'into the blood'} every `,
    every,
    ', from ',
    from,
    ...(until !== null ? [' until ', until] : []),
    '.',
  ],
  blocked: (share, label) => ['A blocking antibody covers ', share, ` of ${label}.`],
  binds: (speed) => ['A vesicle that touches a cell whose receptor fits its label binds at up to ', speed, ' (times the strength).'],
  delivers: (share) => ['Of the vesicles a cell takes in, ', share, ' deliver their cargo; the rest are broken down.'],
  signalFades: (signal, half) => [`Inside a cell, ${signal} fades by half every `, half, '.'],
  patch: (width, height, diffusion, drift) => ['A flat patch ', width, ' wide and ', height, ' high. Free vesicles drift at random (diffusion ', diffusion, `: about ${drift} µm from where they start after an hour).`],
  freeHalfLife: (half) => ['Half of the free vesicles break down every ', half, '.'],
  vessel: (band, entry) => [`A blood vessel (band ${band}): a vesicle over it enters the blood with a chance of `, entry, ' per minute.'],
  barrier: (orientation, position, permeability) => [`A ${orientation} barrier at `, position, ...(permeability ? [' lets vesicles through at ', permeability] : [' is sealed']), '.'],
  represents: (n) => ['Each cell here stands for ', n, ' when blood levels are worked out.'],
  receives: (share) => ['Receives ', share, ' of the vesicles that leave the blood.'],
  bloodTitle: 'Blood',
  pool: (volume, half) => ['One well-mixed pool of ', volume, ' of plasma; half of its vesicles are cleared every ', half, '.'],
  leavesBlood: (rate) => ['Vesicles leave the blood into the tissues at ', rate, '.'],
  detects: (limit, background) => ['The blood test sees a vesicle type once it reaches ', limit, '; the body’s other ', background, ' are ignored.'],
};

/** A number as people write it (English): thousands separated, at most 3 significant digits after a point. */
export function formatNumber(x: number): string {
  return ENGLISH_WORDS.number(x);
}

/** A number part as text, with its unit ("0.5 µm²/s", "30 min", "20 %"). */
export function partText(p: NumberPart, w: PlainWords = ENGLISH_WORDS): string {
  if (p.unit === '%') return `${w.number(p.value * 100)} %`;
  return p.unit ? `${w.number(p.value)} ${w.unit(p.unit)}` : w.number(p.value);
}

/** A sentence as plain text. */
export function sentenceText(s: Sentence, w: PlainWords = ENGLISH_WORDS): string {
  return s.map((p) => (typeof p === 'string' ? p : partText(p, w))).join('');
}

/** The whole description as plain text: a heading per group, a line per sentence. */
export function plainRulesText(groups: RuleGroup[], w: PlainWords = ENGLISH_WORDS): string {
  return groups.map((g) => [g.title, ...g.sentences.map((s) => `- ${sentenceText(s, w)}`)].join('\n')).join('\n\n');
}

const capital = (x: string) => x.charAt(0).toUpperCase() + x.slice(1);

function name(map: Record<string, { name: string }>, id: string): string {
  return Object.hasOwn(map, id) ? map[id].name : id;
}

/** "adds 1 of message received": the signal amounts a vesicle type gives (on binding or as cargo). */
function amounts(s: Scenario, w: PlainWords, vt: string, key: 'onBind' | 'cargo'): Sentence[] {
  const a = s.vesicleTypes[vt][key];
  return Object.keys(a).map((sg) => w.amount(num(`vesicleTypes.${vt}.${key}.${sg}`, a[sg]), w.quote(name(s.signals, sg))));
}

function joinSentences(parts: Sentence[], w: PlainWords): Sentence {
  const out: Sentence = [];
  parts.forEach((p, i) => {
    if (i > 0) out.push(i === parts.length - 1 ? w.joinLast : ', ');
    out.push(...p);
  });
  return out;
}

function cellGroup(s: Scenario, w: PlainWords, ct: string): RuleGroup {
  const c = s.cellTypes[ct];
  const at = `cellTypes.${ct}`;
  const out: Sentence[] = [];
  const states = (ids: string[], or = false) => w.list(ids.map(w.state), or);
  // Where it starts (placements in one tissue joined: "12 + 12 in the tissue").
  const placed: Sentence[] = [];
  for (const [tid, t] of Object.entries(s.tissues)) {
    const here: Sentence = [];
    t.cells.forEach((p, i) => {
      if (p.type !== ct) return;
      if (here.length > 0) here.push(' + ');
      here.push(num(`tissues.${tid}.cells.${i}.count`, p.count), p.state ? ` ${w.state(p.state)}` : '');
    });
    if (here.length > 0) placed.push(w.inTissue(here, t.name));
  }
  if (placed.length > 0) out.push(w.starts(joinSentences(placed, w), num(`${at}.radius`, c.radius, 'µm')));
  // What it releases.
  c.release.forEach((r, i) => {
    const v = s.vesicleTypes[r.vesicleType];
    out.push(w.releases(num(`${at}.release.${i}.perHour`, r.perHour), v?.name ?? r.vesicleType, r.states && r.states.length > 0 ? states(r.states) : null));
  });
  if (c.release.length > 0 && c.releaseInhibition > 0) out.push(w.drugStops(num(`${at}.releaseInhibition`, c.releaseInhibition, '%')));
  // What it reads.
  if (c.receptors.length > 0) {
    const reads: Sentence[] = [];
    for (const [l, row] of Object.entries(s.affinity))
      for (const r of c.receptors)
        if (Object.hasOwn(row, r) && row[r] > 0) reads.push(w.labelStrength(w.quote(name(s.labels, l)), num(`affinity.${l}.${r}`, row[r]), c.receptors.length > 1 ? w.quote(name(s.receptors, r)) : null));
    const names = w.list(c.receptors.map((r) => w.quote(name(s.receptors, r))));
    out.push(reads.length > 0 ? w.receptorsCatch(names, joinSentences(reads, w)) : w.receptorsMatchNone(names));
  } else out.push([w.noReceptor]);
  if (c.nonSpecificUptake > 0) out.push(w.byChance(num(`${at}.nonSpecificUptake`, c.nonSpecificUptake)));
  const catches = c.receptors.length > 0 || c.nonSpecificUptake > 0;
  if (catches) out.push(w.internalises(num(`${at}.internalisePerHour`, c.internalisePerHour, 'per hour'), num(`${at}.maxBound`, c.maxBound, 'bound dots')));
  // How it changes.
  if (c.states.length > 1) out.push(w.states(states(c.states), w.state(c.states[0])));
  c.transitions.forEach((t, i) => {
    const p = `${at}.transitions.${i}`;
    const rate = num(`${p}.ratePerHour`, t.ratePerHour, 'per hour');
    const from = c.states.length > 1 ? w.state(t.from) : null;
    const to = t.to === 'dead' ? null : w.state(t.to);
    if (t.signal === undefined) out.push(w.transition(from, to, null, t.when, null, null, rate));
    else out.push(w.transition(from, to, w.quote(name(s.signals, t.signal)), t.when, num(`${p}.K`, t.K), num(`${p}.n`, t.n), rate));
  });
  // How it moves, divides, kills and dies.
  out.push(c.motility > 0 ? w.wanders(num(`${at}.motility`, c.motility, 'µm²/s')) : [w.staysPut]);
  if (c.doublingHours > 0) out.push(w.divides(num(`${at}.doublingHours`, c.doublingHours, 'h')));
  if (c.deathPerHour > 0) out.push(w.dies(num(`${at}.deathPerHour`, c.deathPerHour, 'per hour')));
  const k = c.contactKilling;
  if (k)
    out.push(
      w.kills(
        k.fromStates?.length ? states(k.fromStates) : null,
        w.list(k.targets.map((t) => name(s.cellTypes, t)), true),
        k.targetStates?.length ? states(k.targetStates, true) : null,
        num(`${at}.contactKilling.reach`, k.reach, 'µm'),
        num(`${at}.contactKilling.ratePerHour`, k.ratePerHour, 'per hour'),
      ),
    );
  return { title: capital(c.name), id: ct, kind: 'cell', sentences: out };
}

function vesicleGroup(s: Scenario, w: PlainWords): RuleGroup {
  const out: Sentence[] = [];
  out.push(w.dotStandsFor(num('vesiclesPerDot', s.vesiclesPerDot, s.vesiclesPerDot === 1 ? 'vesicle' : 'vesicles')));
  for (const [vt, v] of Object.entries(s.vesicleTypes)) {
    const bind = amounts(s, w, vt, 'onBind');
    const cargo = amounts(s, w, vt, 'cargo');
    const parts: Sentence = [w.carries(capital(v.name), v.labels.map((l) => w.quote(name(s.labels, l))))];
    if (bind.length > 0) parts.push(w.bindingAdds, ...joinSentences(bind, w));
    if (cargo.length > 0) parts.push(w.cargoAdds, ...joinSentences(cargo, w));
    if (v.clearanceFactor !== 1) parts.push(...w.clearsFaster(num(`vesicleTypes.${vt}.clearanceFactor`, v.clearanceFactor, '×')));
    parts.push('.');
    out.push(parts);
  }
  s.doses.forEach((d, i) => {
    const at = `doses.${i}`;
    out.push(
      w.dose(
        w.quote(d.name),
        num(`${at}.packets`, d.packets, 'dots'),
        name(s.vesicleTypes, d.vesicleType),
        d.tissue !== undefined ? name(s.tissues, d.tissue) : null,
        num(`${at}.everyHours`, d.everyHours, 'h'),
        num(`${at}.startHours`, d.startHours, 'h'),
        d.stopHours < NO_LAST_DOSE ? num(`${at}.stopHours`, d.stopHours, 'h') : null,
      ),
    );
  });
  for (const [l, lab] of Object.entries(s.labels)) if (lab.blocked > 0) out.push(w.blocked(num(`labels.${l}.blocked`, lab.blocked, '%'), w.quote(lab.name)));
  out.push(w.binds(num('bindingSpeed', s.bindingSpeed, 'µm/s')));
  out.push(w.delivers(num('deliveryFraction', s.deliveryFraction, '%')));
  for (const [sg, g] of Object.entries(s.signals)) out.push(w.signalFades(w.quote(g.name), num(`signals.${sg}.halfLifeHours`, g.halfLifeHours, 'h')));
  return { title: w.vesiclesTitle, kind: 'vesicles', sentences: out };
}

function placeGroup(s: Scenario, w: PlainWords, tid: string): RuleGroup {
  const t = s.tissues[tid];
  const at = `tissues.${tid}`;
  const out: Sentence[] = [];
  const drift = Math.sqrt(4 * t.diffusion * 3600);
  out.push(w.patch(num(`${at}.width`, t.width, 'µm'), num(`${at}.height`, t.height, 'µm'), num(`${at}.diffusion`, t.diffusion, 'µm²/s'), w.number(Math.round(drift))));
  out.push(w.freeHalfLife(num(`${at}.halfLifeHours`, t.halfLifeHours, 'h')));
  t.vessels.forEach((v, i) => out.push(w.vessel(i + 1, num(`${at}.vessels.${i}.entryPerMinute`, v.entryPerMinute))));
  t.barriers.forEach((b, i) =>
    out.push(w.barrier(b.orientation, num(`${at}.barriers.${i}.position`, b.position, 'µm'), b.permeability > 0 ? num(`${at}.barriers.${i}.permeability`, b.permeability, 'µm/s') : null)),
  );
  if (t.representation > 1) out.push(w.represents(num(`${at}.representation`, t.representation, 'real cells')));
  if (s.blood.extravasationPerHour > 0 && Object.keys(s.tissues).length > 1) out.push(w.receives(num(`${at}.bloodFlowShare`, t.bloodFlowShare, '%')));
  return { title: capital(t.name), id: tid, kind: 'place', sentences: out };
}

function bloodGroup(s: Scenario, w: PlainWords): RuleGroup | undefined {
  const hasVessel = Object.values(s.tissues).some((t) => t.vessels.length > 0);
  const doses = s.doses.filter((d) => d.tissue === undefined);
  if (!hasVessel && doses.length === 0) return undefined;
  const b = s.blood;
  const out: Sentence[] = [];
  out.push(w.pool(num('blood.volumeMl', b.volumeMl, 'mL'), num('blood.halfLifeMinutes', b.halfLifeMinutes, 'min')));
  if (b.extravasationPerHour > 0) out.push(w.leavesBlood(num('blood.extravasationPerHour', b.extravasationPerHour, 'per hour')));
  if (s.lesson?.detectionLimitPerMl !== undefined) out.push(w.detects(num('lesson.detectionLimitPerMl', s.lesson.detectionLimitPerMl, 'per mL'), num('blood.backgroundPerMl', b.backgroundPerMl, 'per mL')));
  return { title: w.bloodTitle, kind: 'blood', sentences: out };
}

/** The rules of a scenario in plain words, grouped by cell kind, then vesicles, places and blood. */
export function plainRules(s: Scenario, w: PlainWords = ENGLISH_WORDS): RuleGroup[] {
  const groups: RuleGroup[] = Object.keys(s.cellTypes).map((ct) => cellGroup(s, w, ct));
  groups.push(vesicleGroup(s, w));
  for (const tid of Object.keys(s.tissues)) groups.push(placeGroup(s, w, tid));
  const blood = bloodGroup(s, w);
  if (blood) groups.push(blood);
  return groups;
}
