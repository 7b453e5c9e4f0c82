// `cellpost --version` reports the version written in package.json (the one place it is kept)
// and the engine version run files record.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENGINE_VERSION } from '../../sim/version';
import { cli, ROOT } from './helpers';

describe('cellpost --version', () => {
  it('prints package.json’s version and the engine version', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = await cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`cellpost ${version} (engine ${ENGINE_VERSION})\n`);
  });
});
