// Saving and sharing a built experiment: download the scenario file, open one (checked field by
// field, hostile content refused), and a share link carrying the whole scenario — or, when it is
// too long for a link, the limit said and the file offered instead.
import { parseScenarioFile, type ScenarioFile } from '../../../../lessons/scenarioFile';
import { badKey } from '../../../lab/events';
import { scenarioLink } from '../../../lab/share/scenarioLink';
import { saveBlob, textBlob } from '../../export/download';
import { h } from '../../ui/dom';
import { t } from './messages';

/** Largest scenario file opened (bytes). */
export const MAX_SCENARIO_FILE_BYTES = 2_000_000;

/** The file's text for a scenario (what `cellpost run --scenario-file` reads). */
export function scenarioText(s: ScenarioFile): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}

export type Opened = { ok: true; scenario: ScenarioFile } | { ok: false; problems: string[] };

/** A scenario file's text checked: JSON, no forbidden keys, the whole-file schema. */
export function readScenarioText(text: string): Opened {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [t('builder.files.notJson', { error: e instanceof Error ? e.message : String(e) })] };
  }
  if (badKey(raw)) return { ok: false, problems: [t('builder.files.refused')] };
  const p = parseScenarioFile(raw);
  return p.ok ? { ok: true, scenario: p.value } : { ok: false, problems: p.problems.map((x) => t('builder.status.problemAt', { path: x.path, message: x.message })) };
}

export interface FilesDeps {
  scenario(): ScenarioFile;
  /** The page's address without its query. */
  path(): string;
  opened(s: ScenarioFile): void;
}

export interface FilesPart {
  element: HTMLElement;
  copyLink(): Promise<void>;
}

export function filesPart(d: FilesDeps): FilesPart {
  const out = h('div', { class: 'bfiles-out', id: 'b-files-out', 'aria-live': 'polite' });
  const say = (kind: 'ok' | 'error', title: string, lines: string[] = []) => {
    out.replaceChildren(h('p', { class: kind === 'error' ? 'error' : 'help' }, title));
    if (lines.length > 0) out.append(h('ul', { class: 'error' }, ...lines.slice(0, 20).map((l) => h('li', {}, l))));
  };
  const save = h('button', { type: 'button', id: 'b-save' }, t('builder.files.save'));
  save.addEventListener('click', () => {
    const s = d.scenario();
    saveBlob(`${s.id}.json`, textBlob(scenarioText(s), 'application/json'));
    say('ok', t('builder.files.saved', { file: `${s.id}.json`, command: `cellpost run --scenario-file ${s.id}.json` }));
  });
  const input = h('input', { type: 'file', id: 'b-open-file', accept: '.json,application/json', class: 'visually-hidden', tabindex: -1, 'aria-hidden': 'true' });
  const open = h('button', { type: 'button', id: 'b-open' }, t('builder.files.open'));
  open.addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const f = input.files?.[0];
    input.value = '';
    if (!f) return;
    if (f.size > MAX_SCENARIO_FILE_BYTES) return say('error', t('builder.files.tooBig', { file: f.name, size: f.size, max: MAX_SCENARIO_FILE_BYTES }));
    void f.text().then((text) => {
      const r = readScenarioText(text);
      if (!r.ok) return say('error', t('builder.files.notOpened', { file: f.name }), r.problems);
      d.opened(r.scenario);
      say('ok', t('builder.files.opened', { file: f.name }));
    });
  });
  const linkField = h('input', { type: 'text', id: 'b-link', readonly: true, class: 'share-link', spellcheck: 'false', 'aria-label': t('builder.files.linkLabel') });
  linkField.hidden = true;
  const link = h('button', { type: 'button', id: 'b-share', class: 'primary' }, t('builder.files.copyLink'));
  const copyLink = async () => {
    const r = await scenarioLink(d.scenario(), d.path());
    if (!r.ok) {
      linkField.hidden = true;
      return say('error', t('builder.files.tooLong', { length: r.length, limit: r.limit }));
    }
    linkField.value = r.url;
    linkField.hidden = false;
    try {
      await navigator.clipboard.writeText(r.url);
      say('ok', t('builder.files.copied', { length: r.url.length }));
    } catch {
      say('ok', t('builder.files.selectCopy', { length: r.url.length }));
    }
  };
  link.addEventListener('click', () => void copyLink());
  const element = h('section', { class: 'bsection', 'aria-labelledby': 'b-files-h' }, h('h3', { id: 'b-files-h' }, t('builder.files.heading')), h('div', { class: 'row' }, link, save, open, input), linkField, out);
  return { element, copyLink };
}
