// Finds user-facing text written straight into the code of src/ and viz/ instead of going through
// t() (src/i18n): string and template literals that read like words for people (two words, or a
// capitalised word), outside code-only places (comparisons, ids, classes, event names, imports,
// errors, t() keys). `npx tsx scripts/i18n-literals.ts` prints the count per file (report mode);
// `--list` prints each literal; `--strict` fails when any is found (the test suite holds src/ and viz/ to none).
// A text that must stay as written says why in a comment: `// i18n-exempt: <why>` on its line or
// the line above, or `// i18n-exempt-file: <why>` near the top of a file (an English phrasebook
// that has its own translation, say). A marker with no reason does not count.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export interface Literal {
  file: string;
  line: number;
  text: string;
}

/** Calls whose string arguments are code, not words for people. */
const CODE_CALLS = new Set([
  't', 'querySelector', 'querySelectorAll', 'getElementById', 'byId', 'addEventListener', 'removeEventListener', 'getAttribute', 'removeAttribute', 'hasAttribute',
  'createElement', 'createElementNS', 'add', 'remove', 'toggle', 'contains', 'log', 'warn', 'error', 'debug', 'info', 'postMessage', 'matchMedia', 'getItem', 'setItem',
  'removeItem', 'emit', 'on', 'off', 'once', 'get', 'set', 'has', 'delete', 'closest', 'matches', 'getContext', 'setProperty', 'getPropertyValue', 'startsWith', 'endsWith',
  'includes', 'indexOf', 'split', 'replace', 'replaceAll', 'join', 'padStart', 'padEnd', 'uid', 'import', 'require', 'fetch', 'assign', 'pushState', 'replaceState', 'call',
  'toLocaleString', 'toFixed', 'localeCompare', 'getAtPath', 'setAtPath', 'lessonSearch', 'withMode', 'dispatchEvent', 'animate', 'mark', 'measure',
]);
/** Object keys whose values people read. */
const WORD_KEYS = new Set(['title', 'aria-label', 'placeholder', 'alt', 'label', 'text', 'name', 'help', 'message', 'problem', 'note', 'caption', 'description', 'aria-description', 'aria-valuetext', 'summary', 'words', 'heading', 'hint']);
const WORD_PROPS = new Set(['textContent', 'title', 'placeholder', 'innerText', 'ariaLabel', 'value', 'alt']);

/** Names that stay as they are in every language. */
const NAMES = new Set(['Cellpost', 'Comlink', 'Chromium']);

/** Words for people: two words of letters, or one capitalised word of three or more letters. */
export function readsAsWords(s: string): boolean {
  const text = s.replace(/\$\{[^}]*\}/g, ' ');
  if (/^[\w.-]*$/.test(text) && !/^\p{Lu}\p{Ll}{2,}$/u.test(text)) return false; // ids, classes, paths
  if (/^[#.[:]|^\/|^https?:|^data:|^\s*$/.test(text)) return false; // selectors, paths, urls
  if (/^[a-z0-9]+[-_][a-z0-9_-]*(\s+[a-z0-9]+[-_][a-z0-9_-]*)+$/.test(text.trim())) return false; // class lists
  if (NAMES.has(text.trim())) return false;
  return /\p{L}{2,}[\s,:;.!?–-]+\p{L}{2,}/u.test(text) || /^\p{Lu}\p{Ll}{2,}/u.test(text.trim());
}

function calleeName(e: ts.Expression): string {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return '';
}

function isCode(node: ts.Node): boolean {
  const p = node.parent;
  if (!p) return false;
  if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isImportTypeNode(p) || ts.isExternalModuleReference(p)) return true;
  if (ts.isLiteralTypeNode(p) || ts.isCaseClause(p) || ts.isElementAccessExpression(p)) return true;
  if (ts.isBinaryExpression(p) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken, ts.SyntaxKind.InKeyword].includes(p.operatorToken.kind)) return true;
  if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && p.right === node) {
    const target = p.left;
    return !(ts.isPropertyAccessExpression(target) && WORD_PROPS.has(target.name.text));
  }
  if (ts.isPropertyAssignment(p) && p.initializer === node) {
    const key = ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : '';
    return !WORD_KEYS.has(key);
  }
  if (ts.isPropertyAssignment(p) && p.name === node) return true;
  if (ts.isCallExpression(p) || ts.isNewExpression(p)) {
    const name = p.expression ? calleeName(p.expression) : '';
    if (ts.isNewExpression(p) && /Error$|^RegExp$|^URL$|^Worker$|^URLSearchParams$/.test(name)) return true;
    if (CODE_CALLS.has(name)) return true;
    if (name === 'setAttribute' && p.arguments?.[0] === node) return true;
    if (name === 'h' && p.arguments?.[0] === node) return true;
  }
  // A string inside an array that is itself compared or looked up (['Escape', 'Enter'].includes(key)).
  if (ts.isArrayLiteralExpression(p) && p.parent && ts.isPropertyAccessExpression(p.parent) && ['includes', 'indexOf'].includes(p.parent.name.text)) return true;
  return false;
}

/** The user-facing literals of one TypeScript source. */
export function literalsIn(file: string, source: string): Literal[] {
  if (/\/\/ i18n-exempt-file: \S/.test(source.split('\n').slice(0, 15).join('\n'))) return [];
  const lines = source.split('\n');
  const exempt = (line: number) => [lines[line - 1], lines[line - 2]].some((l) => l !== undefined && /\/\/ i18n-exempt: \S/.test(l));
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const out: Literal[] = [];
  const visit = (node: ts.Node) => {
    let text: string | null = null;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node)) text = [node.head.text, ...node.templateSpans.map((s) => `\${x}${s.literal.text}`)].join('');
    if (text !== null && readsAsWords(text) && !isCode(node)) {
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      if (!exempt(line)) out.push({ file, line, text: text.length > 90 ? `${text.slice(0, 87)}…` : text });
      return; // a template's inner literals are the same text
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...tsFiles(p));
    else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Every user-facing literal under the given folders (src/i18n itself, which holds the catalogues' code, is left out). */
export function scan(root: string, dirs = ['src', 'viz']): Literal[] {
  return dirs.flatMap((d) => tsFiles(join(root, d))).filter((f) => !relative(root, f).startsWith(join('src', 'i18n'))).flatMap((f) => literalsIn(relative(root, f), readFileSync(f, 'utf8')));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(fileURLToPath(import.meta.url), '../..');
  const found = scan(root);
  const byFile = new Map<string, Literal[]>();
  for (const l of found) byFile.set(l.file, [...(byFile.get(l.file) ?? []), l]);
  const rows = [...byFile].sort((a, b) => b[1].length - a[1].length);
  for (const [file, ls] of rows) {
    console.log(`${String(ls.length).padStart(4)}  ${file}`);
    if (process.argv.includes('--list')) for (const l of ls) console.log(`        ${l.line}: ${JSON.stringify(l.text)}`);
  }
  console.log(`${found.length} user-facing literals not through t(), in ${byFile.size} files`);
  if (process.argv.includes('--strict') && found.length > 0) process.exit(1);
}
