// "The rules in plain words" in bokmål: the phrasebook src/lab/plainRules.ts fills with a
// scenario's names and numbers (numbers the bokmål way: "0,5", "12 000"). State ids are shown as
// bokmål words where Cellpost knows them (the built-in lessons' states), else as written.
// i18n-exempt-file: the bokmål phrasebook itself (the translation of src/lab/plainRules.ts); its golden texts are test/i18n/plainRules/*.nb.txt
import type { PlainWords, Sentence } from '../plainRules';
import { formatNumber } from '../../i18n/numbers';
import { NB_STATES } from '../../i18n/states';

export { NB_STATES };

type N = Parameters<PlainWords['drugStops']>[0];

const UNITS: Record<string, string> = {
  'per hour': 'per time',
  'bound dots': 'bundne prikker',
  h: 't',
  dots: 'prikker',
  'real cells': 'ekte celler',
  vesicle: 'vesikkel',
  vesicles: 'vesikler',
};

const list = (words: string[], or = false) => (words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} ${or ? 'eller' : 'og'} ${words[words.length - 1]}`);
const quote = (name: string) => `«${name}»`;

export const NB_WORDS: PlainWords = {
  number: (x) => (Number.isInteger(x) ? formatNumber(x, 'nb') : formatNumber(x, 'nb', { maximumSignificantDigits: 3 })),
  unit: (u) => UNITS[u] ?? u,
  list,
  quote,
  state: (id) => (Object.hasOwn(NB_STATES, id) ? NB_STATES[id] : id),
  joinLast: ' og ',
  starts: (placed, radius) => ['Starter med ', ...placed, ' (radius ', radius, ').'],
  inTissue: (count, tissue) => [...count, ` i ${quote(tissue)}`],
  releases: (perHour, vesicles, whileStates) => ['Slipper ut ', perHour, ` ${vesicles} per time per celle${whileStates ? ` når den er ${whileStates}` : ''}.`],
  drugStops: (share) => ['Et legemiddel stopper ', share, ' av frigjøringen.'],
  labelStrength: (label, strength, through) => [`${label} (styrke `, strength, ` av 1${through ? `, gjennom ${through}` : ''})`],
  receptorsCatch: (receptors, reads) => [`Reseptorene (${receptors}) fanger vesikler som har `, ...reads, '.'],
  receptorsMatchNone: (receptors) => [`Reseptorene (${receptors}) passer ikke til noen lapp i dette scenarioet.`],
  noReceptor: 'Har ingen reseptor som passer til en adresselapp.',
  byChance: (strength) => ['Tar opp en hvilken som helst vesikkel tilfeldig, med ', strength, ' av styrken til en reseptor som passer.'],
  internalises: (rate, full) => ['Tar bundne vesikler inn med ', rate, '; overflaten er full ved ', full, '.'],
  states: (states, first) => [`Tilstander: ${states} (den starter som ${first}).`],
  transition: (from, to, signal, when, K, n, rate) => {
    const who = from !== null ? `Når den er ${from}, ` : '';
    const does = to === null ? 'dør den' : `blir den ${to}`;
    const head = who ? `${who}${does}` : does.replace(/^(\S+) den/, (_, verb: string) => `Den ${verb}`);
    const tail: Sentence = [', med opptil ', rate, '.'];
    if (signal === null || K === null || n === null) return [head, ...tail];
    return [`${head} når ${signal} er ${when === 'above' ? 'over' : 'under'} `, K, ' (halv fart der; bratthet ', n, ')', ...tail];
  },
  wanders: (motility) => ['Vandrer tilfeldig (motilitet ', motility, ').'],
  staysPut: 'Blir der den er.',
  divides: (hours) => ['Deler seg omtrent én gang per ', hours, ' når det er plass ved siden av.'],
  dies: (rate) => ['Dør tilfeldig med ', rate, '.'],
  kills: (fromStates, targets, targetStates, reach, rate) => [
    `${fromStates ? `Når den er ${fromStates}, dreper den` : 'Den dreper'} enhver ${targets}${targetStates ? ` som er ${targetStates}` : ''} den berører (innen `,
    reach,
    '), med ',
    rate,
    '.',
  ],
  vesiclesTitle: 'Vesikler',
  dotStandsFor: (n) => ['Hver prikk på skjermen står for ', n, '.'],
  carries: (vesicles, labels) => `${vesicles} har ${labels.length > 0 ? `${labels.length > 1 ? 'adresselappene' : 'adresselappen'} ${list(labels)}` : 'ingen adresselapp'}`,
  bindingAdds: '; binding gir ',
  cargoAdds: '; levert last gir ',
  amount: (n, signal) => [n, ` av ${signal}`],
  clearsFaster: (factor: N) => ['; blodet fjerner dem ', factor, ' så raskt'],
  dose: (name, dots, vesicles, where, every, from, until) => [
    `En dose (${name}) på `,
    dots,
    ` med ${vesicles} går ${where !== null ? `inn i ${quote(where)}` : 'inn i blodet'} med `,
    every,
    ' mellomrom, fra ',
    from,
    ...(until !== null ? [' til ', until] : []),
    '.',
  ],
  blocked: (share, label) => ['Et blokkerende antistoff dekker ', share, ` av ${label}.`],
  binds: (speed) => ['En vesikkel som treffer en celle med en reseptor som passer til lappen, binder seg med opptil ', speed, ' (ganger styrken).'],
  delivers: (share) => ['Av vesiklene en celle tar inn, leverer ', share, ' lasten sin; resten brytes ned.'],
  signalFades: (signal, half) => [`Inne i en celle faller ${signal} til det halve i løpet av `, half, '.'],
  patch: (width, height, diffusion, drift) => ['Et flatt stykke ', width, ' bredt og ', height, ' høyt. Frie vesikler driver tilfeldig (diffusjon ', diffusion, `: omtrent ${drift} µm fra startstedet etter en time).`],
  freeHalfLife: (half) => ['Halvparten av de frie vesiklene brytes ned i løpet av ', half, '.'],
  vessel: (band, entry) => [`Et blodkar (bånd ${band}): en vesikkel over det går inn i blodet med en sjanse på `, entry, ' per minutt.'],
  barrier: (orientation, position, permeability) => [
    `En ${orientation === 'horizontal' ? 'vannrett' : orientation === 'vertical' ? 'loddrett' : orientation} barriere ved `,
    position,
    ...(permeability ? [' slipper vesikler gjennom med ', permeability] : [' er tett']),
    '.',
  ],
  represents: (n) => ['Hver celle her står for ', n, ' når nivåene i blodet regnes ut.'],
  receives: (share) => ['Får ', share, ' av vesiklene som forlater blodet.'],
  bloodTitle: 'Blod',
  pool: (volume, half) => ['Ett godt blandet basseng med ', volume, ' plasma; halvparten av vesiklene i det fjernes i løpet av ', half, '.'],
  leavesBlood: (rate) => ['Vesikler går fra blodet ut i vevene med ', rate, '.'],
  detects: (limit, background) => ['Blodprøven ser en vesikkeltype når den når ', limit, '; kroppens andre ', background, ' blir ikke talt med.'],
};
