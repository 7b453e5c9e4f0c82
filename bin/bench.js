#!/usr/bin/env node
// `npm run bench`: runs the engine benchmark (bench/engine.ts) through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../bench/engine.ts');
