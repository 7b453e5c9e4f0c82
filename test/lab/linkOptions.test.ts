// The words for link options (src/lab/share/options.ts) cover everything the link reader knows:
// every part that can be hidden or locked has a label and a meaning, and docs/sharing.md lists
// every query parameter and every part, so the teacher page, the share dialog and the docs agree.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { HIDEABLE, LINK_PARAMS, LOCKABLE, linkParts, PART_LABELS, PART_MEANINGS } from '../../src/lab';

const doc = readFileSync('docs/sharing.md', 'utf8');

describe('link options', () => {
  it('name and explain every part a link can hide or lock', () => {
    const parts = linkParts();
    expect(parts.map((p) => p.part).sort()).toEqual([...new Set([...HIDEABLE, ...LOCKABLE])].sort());
    for (const p of parts) {
      expect(PART_LABELS[p.part]).toBeTruthy();
      expect(PART_MEANINGS[p.part]).toBeTruthy();
      expect(p.hide).toBe((HIDEABLE as readonly string[]).includes(p.part));
      expect(p.lock).toBe((LOCKABLE as readonly string[]).includes(p.part));
    }
  });

  it('are all in docs/sharing.md: each query parameter and each part in its table', () => {
    for (const p of LINK_PARAMS) expect(doc, p.name).toContain(`| \`${p.name}\` |`);
    for (const p of linkParts()) expect(doc, p.part).toMatch(new RegExp(`\\| \`${p.part}\` \\|`));
  });
});
