/** The course settings the instructor puts next to the book (`course.json`), fetched fresh (`no-cache`: they edit it on the host). */
import { readCourse, type CourseSettings } from '../../src/course/course';
import { pageBase } from './base-path';

/** What fetching `course.json` found: none (no file or offline), the settings, or why the file was ignored. */
export type CourseFile = { kind: 'none' } | { kind: 'ok'; course: CourseSettings } | { kind: 'invalid'; error: string };

/** Fetches and validates `course.json` beside the book; never throws. */
export async function fetchCourseFile(): Promise<CourseFile> {
  try {
    const res = await fetch(`${pageBase()}course.json`, { cache: 'no-cache' });
    if (!res.ok) return { kind: 'none' };
    const parsed = readCourse(await res.text());
    return parsed.ok ? { kind: 'ok', course: parsed.value } : { kind: 'invalid', error: parsed.error };
  } catch {
    return { kind: 'none' };
  }
}
