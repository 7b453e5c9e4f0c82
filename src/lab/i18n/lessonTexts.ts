// Every text of a lesson file a reader sees, by its path in the file ("title",
// "cellTypes.reader.name", "lesson.prompts.0.explain", "lesson.prompts.0.choices.1.label",
// "lesson.mainMetric.label", "lesson.claims.2.says" …): what a
// translation overlay (lessons/<lang>/<id>.json) must cover. Sources (citations) and ids stay as
// they are; numbers and settings are never translated.
import type { ScenarioFile } from '../../../lessons/scenarioFile';

export interface LessonTextAt {
  path: string;
  text: string;
}

/** The translatable texts of a scenario file, in file order. */
export function translatableTexts(s: ScenarioFile): LessonTextAt[] {
  const out: LessonTextAt[] = [];
  const add = (path: string, text: string | undefined) => {
    if (typeof text === 'string' && text.trim() !== '') out.push({ path, text });
  };
  add('title', s.title);
  add('question', s.question);
  for (const [id, x] of Object.entries(s.signals)) add(`signals.${id}.name`, x.name);
  for (const [id, x] of Object.entries(s.labels)) {
    add(`labels.${id}.name`, x.name);
    add(`labels.${id}.help`, x.help);
  }
  for (const [id, x] of Object.entries(s.receptors)) {
    add(`receptors.${id}.name`, x.name);
    add(`receptors.${id}.help`, x.help);
  }
  for (const [id, x] of Object.entries(s.vesicleTypes)) add(`vesicleTypes.${id}.name`, x.name);
  for (const [id, x] of Object.entries(s.cellTypes)) {
    add(`cellTypes.${id}.name`, x.name);
    add(`cellTypes.${id}.help`, x.help);
  }
  for (const [id, x] of Object.entries(s.tissues)) add(`tissues.${id}.name`, x.name);
  s.doses.forEach((d, i) => add(`doses.${i}.name`, d.name));
  const l = s.lesson;
  if (!l) return out;
  l.paragraphs.forEach((p, i) => add(`lesson.paragraphs.${i}`, p));
  add('lesson.simplified', l.simplified);
  l.charts.forEach((c, i) => {
    add(`lesson.charts.${i}.title`, c.title);
    add(`lesson.charts.${i}.yLabel`, c.yLabel);
    add(`lesson.charts.${i}.note`, c.note);
  });
  l.interventions.forEach((iv, i) => {
    add(`lesson.interventions.${i}.label`, iv.label);
    add(`lesson.interventions.${i}.help`, iv.help);
  });
  l.prompts.forEach((p, i) => {
    add(`lesson.prompts.${i}.predict`, p.predict);
    add(`lesson.prompts.${i}.explain`, p.explain);
    (p.choices ?? []).forEach((c, j) => add(`lesson.prompts.${i}.choices.${j}.label`, c.label));
    add(`lesson.prompts.${i}.watch.label`, p.watch?.label);
  });
  if (l.paired) {
    add('lesson.paired.label', l.paired.label);
    add('lesson.paired.help', l.paired.help);
  }
  const sb = l.sideBySide;
  if (sb?.kind === 'tissues') {
    sb.panes.forEach((p, i) => {
      add(`lesson.sideBySide.panes.${i}.count.label`, p.count.label);
      add(`lesson.sideBySide.panes.${i}.count.of`, p.count.of);
    });
    add('lesson.sideBySide.otherLabel', sb.otherLabel);
  } else if (sb?.kind === 'paired') {
    add('lesson.sideBySide.count.label', sb.count.label);
    add('lesson.sideBySide.count.of', sb.count.of);
    add('lesson.sideBySide.withoutLabel', sb.withoutLabel);
  }
  if (l.cohort) {
    l.cohort.groups.forEach((g, i) => add(`lesson.cohort.groups.${i}.label`, g.label));
    l.cohort.markers.forEach((m, i) => {
      add(`lesson.cohort.markers.${i}.label`, m.label);
      add(`lesson.cohort.markers.${i}.unit`, m.unit);
    });
  }
  add('lesson.mainMetric.label', l.mainMetric?.label);
  (l.claims ?? []).forEach((c, i) => add(`lesson.claims.${i}.says`, c.says));
  const tn = l.teacher;
  if (tn) for (const part of ['goals', 'misconceptions', 'answers', 'whatIfs'] as const) tn[part].forEach((x, i) => add(`lesson.teacher.${part}.${i}`, x));
  return out;
}
