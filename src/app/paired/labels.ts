// Words for the second run of a comparison: a change's label as a phrase ("with drug …" stays
// as it is, anything else reads "with: <label>") and the button that opens a declared comparison.
export function withLabel(label: string, capital = false): string {
  const text = /^with\b/i.test(label) ? label : `with: ${label}`;
  return capital ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

export function declaredButtonText(label: string): string {
  return /^with\b/i.test(label) ? `Compare without and ${label}` : `Compare with and without: ${label}`;
}
