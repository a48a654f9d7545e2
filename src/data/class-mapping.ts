/**
 * Class names → label indices. The homework fixes the Russian Wildlife order (amur_leopard 0 …
 * people 9); it applies when the folder names are exactly that set, compared case-insensitively.
 * Any other set gets ImageFolder's rule: names sorted by code unit (Python's sorted() for names
 * without characters beyond the Basic Multilingual Plane), index = position.
 */

/** The homework's fixed class order for the Russian Wildlife Dataset. */
export const RUSSIAN_WILDLIFE_CLASSES = [
  'amur_leopard',
  'amur_tiger',
  'birds',
  'black_bear',
  'brown_bear',
  'dog',
  'roe_deer',
  'sika_deer',
  'wild_boar',
  'people',
] as const;

export type MappingScheme = 'russian-wildlife' | 'sorted';

export interface ClassMapping {
  /** Folder names in label order: classes[label] is the folder's own spelling. */
  classes: string[];
  scheme: MappingScheme;
}

/** Decides the label order for a set of class folder names; throws on duplicates or empty names. */
export function classMapping(folderNames: string[]): ClassMapping {
  if (folderNames.some((n) => n === '')) throw new Error('class names must be non-empty');
  if (new Set(folderNames).size !== folderNames.length) {
    throw new Error(`class names must be unique, got ${JSON.stringify(folderNames)}`);
  }
  const lower = new Map(folderNames.map((n) => [n.toLowerCase(), n]));
  const isWildlife =
    folderNames.length === RUSSIAN_WILDLIFE_CLASSES.length &&
    lower.size === folderNames.length &&
    RUSSIAN_WILDLIFE_CLASSES.every((c) => lower.has(c));
  if (isWildlife) return { classes: RUSSIAN_WILDLIFE_CLASSES.map((c) => lower.get(c) as string), scheme: 'russian-wildlife' };
  return { classes: [...folderNames].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), scheme: 'sorted' };
}
