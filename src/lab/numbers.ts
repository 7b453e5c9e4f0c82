// Numbers typed by people, read the same way by the command line and the app: strict parsing
// (no "12abc", NaN or Infinity) and the allowed range of a parameter in words.
import type { ParamInfo } from '../../sim/params';
import { t } from '../i18n/i18n';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Whether the text (spaces around it aside) spells a plain decimal number. */
export function isNumberText(text: string): boolean {
  return NUMBER.test(text.trim());
}

/** The number a text spells, or undefined if it is not a plain finite number. */
export function parseNumber(text: string): number | undefined {
  if (!isNumberText(text)) return undefined;
  const x = Number(text.trim());
  return Number.isFinite(x) ? x : undefined;
}

/** "between 0 and 50 µm²/s", leaving out units that say nothing in a sentence. */
export function rangeText(p: Pick<ParamInfo, 'min' | 'max' | 'unit' | 'integer'>): string {
  const unit = ['', '0–1', 'fraction'].includes(p.unit) ? '' : ` ${p.unit}`;
  return t(p.integer ? 'lab.rangeWhole' : 'lab.range', { min: String(p.min), max: `${p.max}${unit}` });
}

/** Whether x is an allowed value of the parameter (in range, whole when it must be). */
export function inRange(p: Pick<ParamInfo, 'min' | 'max' | 'integer'>, x: number): boolean {
  return x >= p.min && x <= p.max && (!p.integer || Number.isInteger(x));
}
