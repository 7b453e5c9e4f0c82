// The ZIP writer (src/app/export/zip.ts): CRC-32 matches zlib's, entries read back byte for byte
// with UTF-8 names and the given date, `unzip -t` accepts the archive, and bad names are refused.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 as nodeCrc32 } from 'node:zlib';
import { crc32, dosDateTime, makeZip } from '../../src/app/export/zip';
import { readZip } from './zipReader';

const date = new Date(2026, 10, 27, 14, 35, 42);

describe('zip writer', () => {
  it('computes the same CRC-32 as zlib', () => {
    const enc = new TextEncoder();
    for (const s of ['', 'a', 'The quick brown fox jumps over the lazy dog', 'µm² — Ünïcode ✓'.repeat(50)]) expect(crc32(enc.encode(s))).toBe(nodeCrc32(enc.encode(s)) >>> 0);
    const big = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7919) & 0xff);
    expect(crc32(big)).toBe(nodeCrc32(big) >>> 0);
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('stores every file byte for byte, with UTF-8 names, the date and a file mode', () => {
    const bin = Uint8Array.from({ length: 3000 }, (_, i) => (i * 31) & 0xff);
    const zip = makeZip(
      [
        { name: 'run/metrics.csv', data: 't_hours,a\n0,1\n' },
        { name: 'run/tissue µm².png', data: bin },
        { name: 'run/empty.txt', data: '' },
      ],
      date,
    );
    const files = readZip(zip);
    expect([...files.keys()]).toEqual(['run/metrics.csv', 'run/tissue µm².png', 'run/empty.txt']);
    expect(new TextDecoder().decode(files.get('run/metrics.csv')!.data)).toBe('t_hours,a\n0,1\n');
    expect(Buffer.from(files.get('run/tissue µm².png')!.data).equals(Buffer.from(bin))).toBe(true);
    expect(files.get('run/empty.txt')!.data.length).toBe(0);
    const { time, date: day } = dosDateTime(date);
    expect(files.get('run/metrics.csv')!.time).toBe(time);
    expect(files.get('run/metrics.csv')!.date).toBe(day);
    expect(files.get('run/metrics.csv')!.mode).toBe(0o100644);
    // 2026-11-27 14:35:42 → date ((46 << 9) | (11 << 5) | 27), time ((14 << 11) | (35 << 5) | 21)
    expect(day).toBe((46 << 9) | (11 << 5) | 27);
    expect(time).toBe((14 << 11) | (35 << 5) | 21);
  });

  it('writes an archive that unzip accepts', () => {
    if (!existsSync('/usr/bin/unzip')) return;
    const dir = mkdtempSync(join(tmpdir(), 'cellpost-zip-'));
    try {
      const path = join(dir, 'a.zip');
      writeFileSync(path, makeZip([{ name: 'x/a.txt', data: 'hello\n' }, { name: 'x/b.bin', data: new Uint8Array([0, 1, 2, 255]) }], date));
      const out = execFileSync('/usr/bin/unzip', ['-t', path], { encoding: 'utf8' });
      expect(out).toContain('No errors detected');
      expect(execFileSync('/usr/bin/unzip', ['-p', path, 'x/a.txt'], { encoding: 'utf8' })).toBe('hello\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses duplicate, empty and parent-directory names', () => {
    expect(() => makeZip([{ name: 'a', data: '' }, { name: 'a', data: '' }], date)).toThrow(/two files named "a"/);
    expect(() => makeZip([{ name: '', data: '' }], date)).toThrow(/bad file name/);
    expect(() => makeZip([{ name: '../evil', data: '' }], date)).toThrow(/bad file name/);
  });

  it('an empty archive is just the end record', () => {
    const zip = makeZip([], date);
    expect(zip.length).toBe(22);
    expect(readZip(zip).size).toBe(0);
  });
});
