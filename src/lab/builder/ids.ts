// New ids for things a learner names in the builder: "Tumour cell" becomes "tumour-cell", made
// unique among the ids already used ("tumour-cell-2"), always a valid scenario id. Letters with no
// plain ASCII form are spelled out first ("Frøcelle" → "froecelle", "Kjærlighet" → "kjaerlighet").
const MAX = 30;

/** Letters NFKD does not split into an ASCII letter and a mark. */
const SPELLED: Record<string, string> = { æ: 'ae', Æ: 'Ae', ø: 'oe', Ø: 'Oe', ß: 'ss', œ: 'oe', Œ: 'Oe', đ: 'd', ł: 'l', þ: 'th', ð: 'd' };

/** A valid, unused id made from a name. */
export function newId(name: string, used: Iterable<string>, fallback = 'kind'): string {
  const taken = new Set(used);
  let base = name
    .replace(/[æøßœđłþðÆØŒ]/g, (c) => SPELLED[c] ?? '')
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX);
  if (!/^[a-z]/.test(base)) base = `${fallback}${base === '' ? '' : `-${base}`}`.slice(0, MAX);
  if (['constructor', 'prototype'].includes(base)) base = `${base}-1`;
  if (!taken.has(base)) return base;
  for (let k = 2; ; k++) {
    const id = `${base}-${k}`;
    if (!taken.has(id)) return id;
  }
}
