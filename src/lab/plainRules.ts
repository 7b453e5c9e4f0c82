// "The rules in plain words": the model's rules for one scenario, written out from its data (never
// by hand per lesson) as short sentences grouped by cell kind, then vesicles, places and blood.
// Every number in a sentence is a part that names the setting it comes from, so a screen can show
// it live and link it to its setting, and a test can check it against the scenario.
import type { Scenario } from '../../sim/schema';

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

/** "a", "a and b", "a, b and c" (or "a, b or c"). */
function list(words: string[], and = 'and'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${and} ${words[words.length - 1]}`;
}

/** A number as people write it: thousands separated, at most 3 significant digits after a point. */
export function formatNumber(x: number): string {
  if (Number.isInteger(x)) return x.toLocaleString('en-GB');
  return x.toLocaleString('en-GB', { maximumSignificantDigits: 3 });
}

/** A number part as text, with its unit ("0.5 µm²/s", "30 min", "20 %"). */
export function partText(p: NumberPart): string {
  if (p.unit === '%') return `${formatNumber(p.value * 100)} %`;
  return p.unit ? `${formatNumber(p.value)} ${p.unit}` : formatNumber(p.value);
}

/** A sentence as plain text. */
export function sentenceText(s: Sentence): string {
  return s.map((p) => (typeof p === 'string' ? p : partText(p))).join('');
}

/** The whole description as plain text: a heading per group, a line per sentence. */
export function plainRulesText(groups: RuleGroup[]): string {
  return groups.map((g) => [g.title, ...g.sentences.map((s) => `- ${sentenceText(s)}`)].join('\n')).join('\n\n');
}

const capital = (x: string) => x.charAt(0).toUpperCase() + x.slice(1);

function name(map: Record<string, { name: string }>, id: string): string {
  return Object.hasOwn(map, id) ? map[id].name : id;
}

/** "adds 1 of message received": the signal amounts a vesicle type gives (on binding or as cargo). */
function amounts(s: Scenario, vt: string, key: 'onBind' | 'cargo'): Sentence[] {
  const a = s.vesicleTypes[vt][key];
  return Object.keys(a).map((sg) => [num(`vesicleTypes.${vt}.${key}.${sg}`, a[sg]), ` of “${name(s.signals, sg)}”`]);
}

function joinSentences(parts: Sentence[]): Sentence {
  const out: Sentence = [];
  parts.forEach((p, i) => {
    if (i > 0) out.push(i === parts.length - 1 ? ' and ' : ', ');
    out.push(...p);
  });
  return out;
}

function cellGroup(s: Scenario, ct: string): RuleGroup {
  const c = s.cellTypes[ct];
  const at = `cellTypes.${ct}`;
  const out: Sentence[] = [];
  // Where it starts (placements in one tissue joined: "12 + 12 in the tissue").
  const placed: Sentence[] = [];
  for (const [tid, t] of Object.entries(s.tissues)) {
    const here: Sentence = [];
    t.cells.forEach((p, i) => {
      if (p.type !== ct) return;
      if (here.length > 0) here.push(' + ');
      here.push(num(`tissues.${tid}.cells.${i}.count`, p.count), p.state ? ` ${p.state}` : '');
    });
    if (here.length > 0) placed.push([...here, ` in the ${t.name}`]);
  }
  if (placed.length > 0) out.push(['Starts with ', ...joinSentences(placed), ' (radius ', num(`${at}.radius`, c.radius, 'µm'), ').']);
  // What it releases.
  c.release.forEach((r, i) => {
    const v = s.vesicleTypes[r.vesicleType];
    const only = r.states && r.states.length > 0 ? ` while ${list(r.states)}` : '';
    out.push(['Releases ', num(`${at}.release.${i}.perHour`, r.perHour), ` ${v?.name ?? r.vesicleType} an hour per cell${only}.`]);
  });
  if (c.release.length > 0 && c.releaseInhibition > 0) out.push(['A drug stops ', num(`${at}.releaseInhibition`, c.releaseInhibition, '%'), ' of its release.']);
  // What it reads.
  if (c.receptors.length > 0) {
    const reads: Sentence[] = [];
    for (const [l, row] of Object.entries(s.affinity))
      for (const r of c.receptors)
        if (Object.hasOwn(row, r) && row[r] > 0) {
          const through = c.receptors.length > 1 ? `, through “${name(s.receptors, r)}”` : '';
          reads.push([`“${name(s.labels, l)}” (strength `, num(`affinity.${l}.${r}`, row[r]), ` of 1${through})`]);
        }
    const names = c.receptors.map((r) => `“${name(s.receptors, r)}”`);
    if (reads.length > 0) out.push([`Its receptors (${list(names)}) catch vesicles that carry `, ...joinSentences(reads), '.']);
    else out.push([`Its receptors (${list(names)}) match no label in this scenario.`]);
  } else out.push(['Has no receptor that matches an address label.']);
  if (c.nonSpecificUptake > 0) out.push(['Takes up any vesicle by chance, at ', num(`${at}.nonSpecificUptake`, c.nonSpecificUptake), ' of a full match’s strength.']);
  const catches = c.receptors.length > 0 || c.nonSpecificUptake > 0;
  if (catches)
    out.push(['Takes bound vesicles inside at ', num(`${at}.internalisePerHour`, c.internalisePerHour, 'per hour'), '; its surface is full at ', num(`${at}.maxBound`, c.maxBound, 'bound dots'), '.']);
  // How it changes.
  if (c.states.length > 1) out.push([`Its states: ${list(c.states)} (it starts ${c.states[0]}).`]);
  c.transitions.forEach((t, i) => {
    const p = `${at}.transitions.${i}`;
    const rate: Sentence = [', at up to ', num(`${p}.ratePerHour`, t.ratePerHour, 'per hour')];
    const to = t.to === 'dead' ? 'dies' : `switches to ${t.to}`;
    const who = c.states.length > 1 ? `When ${t.from}, it` : 'It';
    if (t.signal === undefined) out.push([`${who} ${to}`, ...rate, '.']);
    else
      out.push([
        `${who} ${to} once “${name(s.signals, t.signal)}” is ${t.when} `,
        num(`${p}.K`, t.K),
        ' (half speed there; steepness ',
        num(`${p}.n`, t.n),
        ')',
        ...rate,
        '.',
      ]);
  });
  // How it moves, divides, kills and dies.
  out.push(c.motility > 0 ? ['Wanders at random (motility ', num(`${at}.motility`, c.motility, 'µm²/s'), ').'] : ['Stays where it is.']);
  if (c.doublingHours > 0) out.push(['Divides about every ', num(`${at}.doublingHours`, c.doublingHours, 'h'), ' when there is room beside it.']);
  if (c.deathPerHour > 0) out.push(['Dies at random at ', num(`${at}.deathPerHour`, c.deathPerHour, 'per hour'), '.']);
  const k = c.contactKilling;
  if (k) {
    const who = k.fromStates?.length ? ` When ${list(k.fromStates)}, it` : ' It';
    const targets = list(k.targets.map((t) => name(s.cellTypes, t)), 'or');
    const which = k.targetStates?.length ? ` that is ${list(k.targetStates, 'or')}` : '';
    out.push([`${who.trim()} kills any ${targets}${which} it touches (within `, num(`${at}.contactKilling.reach`, k.reach, 'µm'), ') at ', num(`${at}.contactKilling.ratePerHour`, k.ratePerHour, 'per hour'), '.']);
  }
  return { title: capital(c.name), id: ct, kind: 'cell', sentences: out };
}

function vesicleGroup(s: Scenario): RuleGroup {
  const out: Sentence[] = [];
  out.push(['Each dot on screen stands for ', num('vesiclesPerDot', s.vesiclesPerDot, s.vesiclesPerDot === 1 ? 'vesicle' : 'vesicles'), '.']);
  for (const [vt, v] of Object.entries(s.vesicleTypes)) {
    const labels = v.labels.map((l) => `“${name(s.labels, l)}”`);
    const bind = amounts(s, vt, 'onBind');
    const cargo = amounts(s, vt, 'cargo');
    const parts: Sentence = [`${capital(v.name)} carry ${labels.length > 0 ? `the address label${labels.length > 1 ? 's' : ''} ${list(labels)}` : 'no address label'}`];
    if (bind.length > 0) parts.push('; binding adds ', ...joinSentences(bind));
    if (cargo.length > 0) parts.push('; delivered cargo adds ', ...joinSentences(cargo));
    if (v.clearanceFactor !== 1) parts.push('; the blood clears them ', num(`vesicleTypes.${vt}.clearanceFactor`, v.clearanceFactor, '×'), ' as fast');
    parts.push('.');
    out.push(parts);
  }
  s.doses.forEach((d, i) => {
    const at = `doses.${i}`;
    const where = d.tissue !== undefined ? `into the ${name(s.tissues, d.tissue)}` : 'into the blood';
    out.push([`A dose (“${d.name}”) of `, num(`${at}.packets`, d.packets, 'dots'), ` of ${name(s.vesicleTypes, d.vesicleType)} goes ${where} every `, num(`${at}.everyHours`, d.everyHours, 'h'), ', from ', num(`${at}.startHours`, d.startHours, 'h'), '.']);
  });
  for (const [l, lab] of Object.entries(s.labels))
    if (lab.blocked > 0) out.push([`A blocking antibody covers `, num(`labels.${l}.blocked`, lab.blocked, '%'), ` of “${lab.name}”.`]);
  out.push(['A vesicle that touches a cell whose receptor fits its label binds at up to ', num('bindingSpeed', s.bindingSpeed, 'µm/s'), ' (times the strength).']);
  out.push(['Of the vesicles a cell takes in, ', num('deliveryFraction', s.deliveryFraction, '%'), ' deliver their cargo; the rest are broken down.']);
  for (const [sg, g] of Object.entries(s.signals)) out.push([`Inside a cell, “${g.name}” fades by half every `, num(`signals.${sg}.halfLifeHours`, g.halfLifeHours, 'h'), '.']);
  return { title: 'Vesicles', kind: 'vesicles', sentences: out };
}

function placeGroup(s: Scenario, tid: string): RuleGroup {
  const t = s.tissues[tid];
  const at = `tissues.${tid}`;
  const out: Sentence[] = [];
  const drift = Math.sqrt(4 * t.diffusion * 3600);
  out.push([
    'A flat patch ',
    num(`${at}.width`, t.width, 'µm'),
    ' wide and ',
    num(`${at}.height`, t.height, 'µm'),
    ' high. Free vesicles drift at random (diffusion ',
    num(`${at}.diffusion`, t.diffusion, 'µm²/s'),
    `: about ${formatNumber(Math.round(drift))} µm from where they start after an hour).`,
  ]);
  out.push(['Half of the free vesicles break down every ', num(`${at}.halfLifeHours`, t.halfLifeHours, 'h'), '.']);
  t.vessels.forEach((v, i) =>
    out.push([`A blood vessel (band ${i + 1}): a vesicle over it enters the blood with a chance of `, num(`${at}.vessels.${i}.entryPerMinute`, v.entryPerMinute), ' per minute.']),
  );
  t.barriers.forEach((b, i) =>
    out.push([
      `A ${b.orientation} barrier at `,
      num(`${at}.barriers.${i}.position`, b.position, 'µm'),
      b.permeability > 0 ? ' lets vesicles through at ' : ' is sealed',
      ...(b.permeability > 0 ? [num(`${at}.barriers.${i}.permeability`, b.permeability, 'µm/s')] : []),
      '.',
    ]),
  );
  if (t.representation > 1) out.push(['Each cell here stands for ', num(`${at}.representation`, t.representation, 'real cells'), ' when blood levels are worked out.']);
  if (s.blood.extravasationPerHour > 0 && Object.keys(s.tissues).length > 1) out.push(['Receives ', num(`${at}.bloodFlowShare`, t.bloodFlowShare, '%'), ' of the vesicles that leave the blood.']);
  return { title: capital(t.name), id: tid, kind: 'place', sentences: out };
}

function bloodGroup(s: Scenario): RuleGroup | undefined {
  const hasVessel = Object.values(s.tissues).some((t) => t.vessels.length > 0);
  const doses = s.doses.filter((d) => d.tissue === undefined);
  if (!hasVessel && doses.length === 0) return undefined;
  const b = s.blood;
  const out: Sentence[] = [];
  out.push(['One well-mixed pool of ', num('blood.volumeMl', b.volumeMl, 'mL'), ' of plasma; half of its vesicles are cleared every ', num('blood.halfLifeMinutes', b.halfLifeMinutes, 'min'), '.']);
  if (b.extravasationPerHour > 0) out.push(['Vesicles leave the blood into the tissues at ', num('blood.extravasationPerHour', b.extravasationPerHour, 'per hour'), '.']);
  if (s.lesson?.detectionLimitPerMl !== undefined)
    out.push(['The blood test sees a vesicle type once it reaches ', num('lesson.detectionLimitPerMl', s.lesson.detectionLimitPerMl, 'per mL'), '; the body’s other ', num('blood.backgroundPerMl', b.backgroundPerMl, 'per mL'), ' are ignored.']);
  return { title: 'Blood', kind: 'blood', sentences: out };
}

/** The rules of a scenario in plain words, grouped by cell kind, then vesicles, places and blood. */
export function plainRules(s: Scenario): RuleGroup[] {
  const groups: RuleGroup[] = Object.keys(s.cellTypes).map((ct) => cellGroup(s, ct));
  groups.push(vesicleGroup(s));
  for (const tid of Object.keys(s.tissues)) groups.push(placeGroup(s, tid));
  const blood = bloodGroup(s);
  if (blood) groups.push(blood);
  return groups;
}
