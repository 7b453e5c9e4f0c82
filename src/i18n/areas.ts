// The parts of the app whose words load with their code, not with the first page: each has its
// own English and bokmål catalogue (src/i18n/catalogues/areas/<area>.en.json / .nb.json), and its
// keys start with "<area>.". The English comes with the part's code (areaT); the bokmål of every
// part loads with the rest of bokmål when the reader picks it (src/i18n/i18n.ts).
import type { Catalogue } from './catalogue';

export const AREAS = ['builder', 'teacher', 'class', 'labtools', 'files', 'cli', 'engine'] as const;
export type Area = (typeof AREAS)[number];

type Load = () => Promise<{ default: Catalogue }>;

/** Each part's bokmål catalogue, each its own small chunk (Vite needs the paths written out). */
export const NB_AREAS: Record<Area, Load> = {
  builder: () => import('./catalogues/areas/builder.nb.json'),
  teacher: () => import('./catalogues/areas/teacher.nb.json'),
  class: () => import('./catalogues/areas/class.nb.json'),
  labtools: () => import('./catalogues/areas/labtools.nb.json'),
  files: () => import('./catalogues/areas/files.nb.json'),
  cli: () => import('./catalogues/areas/cli.nb.json'),
  engine: () => import('./catalogues/areas/engine.nb.json'),
};
