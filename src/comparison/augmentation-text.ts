/** Words for a run's augmentations: version-1 records list names, version-2 records list {op, params} steps. */

const fmt = (v: unknown): string => {
  if (Array.isArray(v)) return `(${v.map(fmt).join(', ')})`;
  if (typeof v === 'string') return `'${v}'`;
  if (typeof v === 'number') return String(Number(v.toPrecision(4)));
  return String(v);
};

const isStep = (x: unknown): x is { op: string; params?: unknown } =>
  typeof x === 'object' && x !== null && typeof (x as { op?: unknown }).op === 'string';

/** The name of one entry ("ColorJitter"), or null for an entry that is neither form. */
export function augmentationName(entry: unknown): string | null {
  if (typeof entry === 'string') return entry.trim() || null;
  return isStep(entry) ? entry.op : null;
}

/** torchvision-style text of one entry: "ColorJitter(brightness=(0.7, 1.3))"; a plain name stays as it is. */
export function augmentationText(entry: unknown): string | null {
  if (typeof entry === 'string') return entry.trim() || null;
  if (!isStep(entry)) return null;
  const params =
    typeof entry.params === 'object' && entry.params !== null && !Array.isArray(entry.params) ? Object.entries(entry.params) : [];
  return `${entry.op}(${params.map(([k, v]) => `${k}=${fmt(v)}`).join(', ')})`;
}

/** Short (names) and full (with parameters) descriptions of a list; "none" when empty or not a list. */
export function describeAugmentations(list: unknown): { names: string; full: string; count: number } {
  const entries = Array.isArray(list) ? list : [];
  const names = entries.map(augmentationName).filter((s): s is string => s !== null);
  const full = entries.map(augmentationText).filter((s): s is string => s !== null);
  return names.length === 0
    ? { names: 'none', full: 'none', count: 0 }
    : { names: names.join(', '), full: full.join(', '), count: names.length };
}
