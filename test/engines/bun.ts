// Where Bun's binary is: BUN_PATH, else the platform package npm installed (where bun's
// postinstall leaves it, or links it from). Shared by the engine tests.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const BUN =
  process.env.BUN_PATH ??
  [join(ROOT, 'node_modules', '@oven', `bun-${process.platform}-${process.arch === 'arm64' ? 'aarch64' : process.arch}`, 'bin', 'bun'), join(ROOT, 'node_modules', '.bin', 'bun')].find((p) => existsSync(p)) ??
  join(ROOT, 'node_modules', '.bin', 'bun');
