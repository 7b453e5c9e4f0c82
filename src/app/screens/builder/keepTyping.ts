// What a student is typing in the builder's column, kept across a redraw: the column is built
// again after every edit, and keys typed before the redraw land in the old fields. Each text
// field's text not yet applied (and the focused field's caret and selection) is carried to the
// field with the same id in the new column, unless the edit changed what that field shows.
type TextField = HTMLInputElement | HTMLTextAreaElement;

const TEXT_TYPES = new Set(['text', 'search', 'url', 'email', 'tel', 'number', '']);

function isTextField(el: Element | null): el is TextField {
  return el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && TEXT_TYPES.has(el.type));
}

/** Each field's text as drawn, or as last applied from it: text that differs is not applied yet. */
const applied = new WeakMap<TextField, string>();
/** Each field's text as drawn (what the scenario said when the column was built). */
const drawn = new WeakMap<TextField, string>();

function textFields(root: ParentNode): TextField[] {
  return Array.from(root.querySelectorAll('input, textarea')).filter(isTextField);
}

/**
 * Follows a column: a scenario field's text (one with a `data-path`, applied when it changes)
 * counts as applied when its change is accepted; a refused value keeps its message and stays
 * unapplied. The fields of the "add" forms and of prompts and charts are applied by a button,
 * so what is typed there stays unapplied until then. Listens after the fields' own handlers.
 */
export function watchApplied(root: HTMLElement): void {
  root.addEventListener('change', (e) => {
    const el = e.target as Element | null;
    if (isTextField(el) && el.dataset.path !== undefined && el.getAttribute('aria-invalid') !== 'true') applied.set(el, el.value);
  });
}

/** Records a freshly built column's texts as drawn. */
export function markDrawn(root: ParentNode): void {
  for (const el of textFields(root)) {
    drawn.set(el, el.value);
    applied.set(el, el.value);
  }
}

interface Typed {
  id: string;
  text: string;
  /** What the field showed when drawn: the text is kept only where the new field shows the same, or what was applied from it. */
  shownBefore: string;
  appliedText: string;
  selection: [number, number, 'forward' | 'backward' | 'none'] | null;
}

/** The unapplied text of every field in a column, and the focused field's text and selection, before it is built again. */
export function typedText(root: ParentNode): Typed[] {
  const out: Typed[] = [];
  const focused = document.activeElement;
  for (const el of textFields(root)) {
    const appliedText = applied.get(el) ?? el.value;
    if (!el.id || (el.value === appliedText && el !== focused)) continue;
    const selection = el === focused && el.selectionStart !== null && el.selectionEnd !== null ? ([el.selectionStart, el.selectionEnd, el.selectionDirection ?? 'none'] as Typed['selection']) : null;
    out.push({ id: el.id, text: el.value, shownBefore: drawn.get(el) ?? appliedText, appliedText, selection });
  }
  return out;
}

/**
 * Puts unapplied text back into the new column's fields with the same ids (checked again as if
 * typed, so a message shows where it is wrong), and the focused field's selection. A field whose
 * shown value the edit changed keeps the new value unless that change was this field's own text
 * being applied. Call it after the focus is back: text put into the focused field is then still
 * applied when the student leaves it (Chromium fires `change` against the text it had on focus).
 */
export function restoreTyped(root: HTMLElement, typed: Typed[]): void {
  for (const t of typed) {
    const el = root.ownerDocument.getElementById(t.id);
    if (!isTextField(el) || !root.contains(el)) continue;
    if (el.value !== t.shownBefore && el.value !== t.appliedText) continue;
    if (el.value !== t.text) {
      el.value = t.text;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }
    if (t.selection && document.activeElement === el) el.setSelectionRange(...t.selection);
  }
}
