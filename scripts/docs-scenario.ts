// `npm run docs:scenario`: writes docs/scenario-format.md from the schema (lessons/formatDoc.ts).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { scenarioFormatMarkdown } from '../lessons/formatDoc';

const out = resolve(import.meta.dirname, '../docs/scenario-format.md');
writeFileSync(out, scenarioFormatMarkdown());
process.stdout.write(`docs:scenario: wrote ${out}\n`);
