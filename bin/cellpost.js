#!/usr/bin/env node
// The `cellpost` command: loads the TypeScript command-line runner (src/cli/main.ts) through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
