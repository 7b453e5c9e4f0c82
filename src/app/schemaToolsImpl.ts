// Everything the page does with the scenario schema (zod) and the engine's checks: settings by
// path, whole-file validation, share links, paired set-ups and a lesson's small cohort. One chunk,
// imported by schemaTools.ts on demand, so none of it is part of the page's first load.
export { getAtPath, setAtPath, listParameters, parameterAt } from '../../sim/params';
export { parseScenarioFile } from '../../lessons/scenarioFile';
export { withOverrides } from '../lab/settings';
export { decodeLink, encodeLink } from '../lab/share/link';
export { settingsDiff } from '../lab/share/diff';
export { lessonPaired, pairSetup } from './paired/spec';
export { prepareCohort, evaluateCohort, groupRows } from '../lab/cohort';
