// Pins the colour and state-style tables (viz/palette.ts, viz/pixels.ts): colours are valid and
// distinct, states differ without colour, and packed pixels match the ImageData byte order.
import { describe, expect, it } from 'vitest';
import { cellTypeColour, stateMark, stateStyle, vesicleTypeColour } from '../../viz/palette';
import { LITTLE_ENDIAN, packColour, packRGBA } from '../../viz/pixels';

const HEX = /^#[0-9a-f]{6}$/;

describe('type colours', () => {
  it('are hex colours, distinct for the first 30 types', () => {
    for (const f of [cellTypeColour, vesicleTypeColour]) {
      const cs = Array.from({ length: 30 }, (_, i) => f(i));
      for (const c of cs) expect(c).toMatch(HEX);
      expect(new Set(cs).size).toBe(30);
    }
  });
  it('start from d3 Tableau10 (cells) and Okabe–Ito (vesicles)', () => {
    expect(cellTypeColour(0)).toBe('#4e79a7');
    expect(vesicleTypeColour(0)).toBe('#d55e00');
  });
  it('are the same for the same index and tolerate bad input', () => {
    expect(cellTypeColour(3)).toBe(cellTypeColour(3));
    expect(cellTypeColour(-1)).toBe(cellTypeColour(0));
    expect(vesicleTypeColour(NaN)).toBe(vesicleTypeColour(0));
  });
});

describe('stateStyle', () => {
  const key = (i: number) => {
    const s = stateStyle(i);
    return `${s.dash.join(',')}|${s.ring}|${s.mark}|${s.width}`;
  };
  it('gives the first 16 states (the schema limit) distinct looks without colour', () => {
    const keys = Array.from({ length: 16 }, (_, i) => key(i));
    expect(new Set(keys).size).toBe(16);
  });
  it('draws state 0 as a plain solid outline and state 1 dashed with a dot', () => {
    expect(stateStyle(0)).toMatchObject({ dash: [], ring: 'single', mark: 'none' });
    expect(stateStyle(1).dash.length).toBeGreaterThan(0);
    expect(stateStyle(1).mark).toBe('dot');
  });
  it('describes each state in words for screen readers', () => {
    for (let i = 0; i < 16; i++) expect(stateStyle(i).description.length).toBeGreaterThan(3);
    expect(stateStyle(2).description).toContain('double');
  });
  it('returns a fresh dash array each time', () => {
    stateStyle(1).dash.push(99);
    expect(stateStyle(1).dash).not.toContain(99);
  });
});

describe('stateMark', () => {
  it('is the mark of stateStyle for every state index, odd ones included', () => {
    for (const i of [...Array.from({ length: 40 }, (_, k) => k), -1, 2.7, NaN, Infinity]) expect(stateMark(i)).toBe(stateStyle(i).mark);
  });
});

describe('pixel packing', () => {
  it('lays bytes out as ImageData expects (R, G, B, A in memory)', () => {
    const word = new Uint32Array([packRGBA(1, 2, 3, 4)]);
    expect([...new Uint8Array(word.buffer)]).toEqual([1, 2, 3, 4]);
    expect(LITTLE_ENDIAN).toBe(true);
  });
  it('parses CSS colours and alpha', () => {
    const word = new Uint32Array([packColour('#d55e00', 0.5)]);
    expect([...new Uint8Array(word.buffer)]).toEqual([0xd5, 0x5e, 0x00, 128]);
  });
});
