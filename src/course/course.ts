import type { Parsed } from '../exercises/types';

/** Course settings an instructor puts next to the book (`course.json`) and gives the grader. */
export interface CourseSettings {
  name: string;
  /** When true each student gets their own numbers, seeded from their id and the salt. */
  perStudentVariants: boolean;
  salt: string;
}

export const DEFAULT_COURSE: CourseSettings = { name: 'Deep Learning for Computer Vision', perStudentVariants: false, salt: '' };

/** Reads course settings from JSON text; unknown fields are ignored, bad ones are reported. */
export function readCourse(text: string): Parsed<CourseSettings> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `The course file is not valid JSON (${(e as Error).message}).` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, error: 'The course file must hold a JSON object.' };
  const d = data as Record<string, unknown>;
  const per = d.perStudentVariants ?? false;
  const salt = d.salt ?? '';
  const name = d.name ?? DEFAULT_COURSE.name;
  if (typeof per !== 'boolean') return { ok: false, error: 'perStudentVariants must be true or false.' };
  if (typeof salt !== 'string' || salt.length > 200) return { ok: false, error: 'salt must be a string of at most 200 characters.' };
  if (per && salt.trim() === '') return { ok: false, error: 'Per-student variants need a non-empty salt.' };
  if (typeof name !== 'string') return { ok: false, error: 'name must be a string.' };
  return { ok: true, value: { name: name.slice(0, 200), perStudentVariants: per, salt } };
}
