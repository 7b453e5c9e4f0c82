// Pins one visual language across lessons (viz/palette.ts cellLooks, lesson.roles): every lesson
// cell type has a role, a role has the same colour in every lesson, cell types of one lesson
// differ in colour, resting and switched differ by fill, and bad role/switched ids are refused.
import { describe, expect, it } from 'vitest';
import { lessons } from '../../lessons/index';
import { parseScenarioFile } from '../../lessons/scenarioFile';
import { CELL_ROLES as SCHEMA_ROLES } from '../../lessons/schema';
import { CELL_ROLES, cellLooks, cellTypeColour, ROLE_COLOURS, ROLE_NAMES } from '../../viz/palette';
import { MIN_CELL_PX, screenRadius } from '../../viz/cellLayer';

describe('cell roles and looks', () => {
  it('the schema and the palette know the same roles, each with a colour and a name', () => {
    expect([...CELL_ROLES]).toEqual([...SCHEMA_ROLES]);
    expect(Object.keys(ROLE_COLOURS).sort()).toEqual([...CELL_ROLES].sort());
    expect(Object.keys(ROLE_NAMES).sort()).toEqual([...CELL_ROLES].sort());
    expect(new Set(Object.values(ROLE_COLOURS)).size).toBe(CELL_ROLES.length);
  });

  it('every cell type of every lesson declares a role', () => {
    for (const s of lessons()) for (const id of Object.keys(s.cellTypes)) expect(s.lesson?.roles?.[id], `${s.id}: ${id}`).toBeDefined();
  });

  it('a role has the same colour in every lesson, and kinds of one lesson differ', () => {
    const seen = new Map<string, string>();
    for (const s of lessons()) {
      const looks = cellLooks(s);
      expect(new Set(looks.map((l) => l.colour)).size, s.id).toBe(looks.length);
      for (const l of looks) {
        expect(l.role).toBeDefined();
        const role = l.role as string;
        expect(l.colour).toBe(ROLE_COLOURS[l.role as keyof typeof ROLE_COLOURS]);
        if (seen.has(role)) expect(l.colour, `${s.id}: ${role}`).toBe(seen.get(role));
        seen.set(role, l.colour);
      }
    }
    // T cells in particular: the same blue in every lesson that has them.
    expect(seen.get('tcell')).toBe(ROLE_COLOURS.tcell);
  });

  it('resting is the first state and the rest are switched unless the lesson says otherwise; pale ≠ solid', () => {
    const s = lessons().find((x) => x.id === 'letters')!;
    const looks = cellLooks(s);
    for (const l of looks) {
      expect(l.switched[0] ?? false).toBe(false);
      if (l.switched.length > 1) expect(l.switched[1]).toBe(true);
      expect(l.pale).not.toBe(l.colour);
    }
    const custom = cellLooks({ ...s, lesson: { roles: {}, switched: { reader: ['resting'] } } });
    expect(custom[1].switched).toEqual([true, false]);
  });

  it('falls back to the colour by index without roles', () => {
    const s = lessons()[0];
    const looks = cellLooks({ ...s, lesson: undefined });
    looks.forEach((l, i) => expect(l.colour).toBe(cellTypeColour(i)));
  });

  it('refuses a role for an unknown cell type, an unknown role and an unknown switched state', () => {
    const base = structuredClone(lessons()[0]) as Record<string, unknown> & { lesson: Record<string, unknown> };
    const bad = (lesson: object) => parseScenarioFile({ ...base, lesson: { ...base.lesson, ...lesson } });
    const r1 = bad({ roles: { raeder: 'reader' } });
    expect(r1.ok).toBe(false);
    if (!r1.ok) expect(r1.problems.map((p) => p.message).join()).toContain('reader');
    expect(bad({ roles: { reader: 'wizard' } }).ok).toBe(false);
    const r3 = bad({ switched: { reader: ['respondng'] } });
    expect(r3.ok).toBe(false);
    if (!r3.ok) expect(r3.problems.map((p) => p.message).join()).toContain('responding');
    expect(bad({ switched: { reader: ['responding'] } }).ok).toBe(true);
  });

  it('cells are never smaller than MIN_CELL_PX on screen, and true scale when zoomed in', () => {
    expect(screenRadius(5, 0.5)).toBe(MIN_CELL_PX);
    expect(screenRadius(5, 4)).toBe(20);
    expect(screenRadius(NaN, 1)).toBe(MIN_CELL_PX);
  });
});
