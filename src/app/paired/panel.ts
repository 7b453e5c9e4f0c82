// The "Compare with a change" dialog (paired what-if runs): two copies of the run with the same
// seed, one with a chosen intervention or setting, advancing in lockstep side by side, with one
// chart of a metric in both runs and their difference. Opened from the Interventions panel; a
// lesson that declares `lesson.paired` gets a button for its own comparison there. This file
// wires the parts: setupForm (what to compare), plan (where both start), runner (two workers
// in lockstep), compareView and diffChart (what is shown), hook (for the browser tests).
import type { Session } from '../session';
import { h } from '../ui/dom';
import { makeDialog } from '../export/dialog';
import { createCompareView } from './compareView';
import { createDiffChart } from './diffChart';
import { installPairedHook } from './hook';
import { declaredButtonText } from './labels';
import { planPair } from './plan';
import { PairedRunner } from './runner';
import { createSetupForm } from './setupForm';
import { lessonPaired, type PairedDecl } from './spec';
import { localLesson } from '../../lab/i18n/lessonOverlays';
import { t } from './messages';
import './paired.css';

export function mountPaired(session: Session, interventions: HTMLElement): void {
  const dialog = makeDialog(t('labtools.paired.title'), 'cp-paired');
  const runner = new PairedRunner();
  const form = createSetupForm();
  const view = createCompareView();
  const chart = createDiffChart(runner);
  let decl: PairedDecl | null = null;
  view.el.append(...chart.els);
  dialog.body.append(form.el, view.el);

  runner.on('frames', (a, b, grew) => {
    view.draw(a, b);
    if (grew) chart.feed();
    chart.setCursor(a.hours);
  });
  runner.on('playing', (on) => view.setPlaying(on));
  runner.on('failure', (msg) => form.say(t('labtools.paired.stopped', { problem: msg })));
  const stepsPerSample = () => Math.max(1, Math.round((session.scenario.sampleEveryMinutes * 60) / session.scenario.dtSeconds));
  view.play.addEventListener('click', () => runner.toggle());
  view.step.addEventListener('click', () => void runner.stepBy(stepsPerSample()));
  view.speed.addEventListener('change', () => (runner.speed = Number(view.speed.value)));

  form.startBtn.addEventListener('click', async () => {
    form.say('');
    const c = form.chosen();
    if (typeof c === 'string') return form.say(c);
    const now = form.fromNow();
    const plan = await planPair(session, c, now);
    if ('problem' in plan) return form.say(plan.problem);
    form.startBtn.disabled = true;
    const info = await runner.start(plan.setup, plan.from);
    form.startBtn.disabled = false;
    if (!info) return;
    // The runs' scenario, with its names in the reader's language.
    const shown = localLesson(info.scenario);
    view.show(shown, plan.label, t('labtools.paired.sameSeed', { seed: session.seed, now: now ? 'yes' : 'no' }));
    chart.reset(shown, decl?.metric, plan.label);
    if (runner.frames) view.draw(...runner.frames);
    view.play.focus();
  });

  const open = (preset?: string) => {
    session.pause();
    decl = lessonPaired(session.scenario);
    form.fill(session.scenario, decl, preset);
    runner.speed = view.nearestSpeed(session.speed);
    dialog.open();
  };
  dialog.onClose(() => {
    runner.stop();
    view.hide();
  });

  // The buttons in the Interventions panel (rebuilt by it on every load, so added after it).
  session.on('load', (info) => {
    const d = lessonPaired(info.scenario);
    const box = h('div', { class: 'cp-compare-open' });
    if (d) {
      const b = h('button', { type: 'button', class: 'primary', id: 'compare-declared' }, declaredButtonText(d.label));
      b.addEventListener('click', () => open('paired'));
      box.append(b);
      if (d.help) box.append(h('p', { class: 'help' }, d.help));
    }
    const any = h('button', { type: 'button', id: 'compare-open', 'aria-haspopup': 'dialog' }, t('labtools.paired.open'));
    any.addEventListener('click', () => open());
    box.append(any, h('p', { class: 'help' }, t('labtools.paired.openHelp')));
    interventions.querySelector('.cp-compare-open')?.remove();
    interventions.append(box);
  });

  installPairedHook(runner);
}
