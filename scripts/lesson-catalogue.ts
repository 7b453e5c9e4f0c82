// `npm run lessons:catalogue`: writes lessons/catalogue.json, the small index of the built-in
// lessons (id, title, question, seed, in teaching order) that the page reads up front instead of
// the lesson files themselves (lessons/library.ts loads those on demand).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { catalogueText } from '../lessons/catalogueText';

const out = resolve(import.meta.dirname, '../lessons/catalogue.json');
writeFileSync(out, catalogueText());
process.stdout.write(`lessons:catalogue: wrote ${out}\n`);
