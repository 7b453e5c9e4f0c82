// Outside text in a message: quoted as JSON (so control characters show as escapes) and cut short,
// for links, logs and files whose content may be hostile. Shown as text only, never as markup.

export function quote(s: string, max = 40): string {
  return JSON.stringify(s.length > max ? `${s.slice(0, max)}…` : s);
}
