import { describe, expect, it } from 'vitest';
import { DEFAULT_COURSE } from '../../../../src/course/course';
import { feedbackFiles } from '../../../../src/grading/feedback-text';
import { gradeSubmission } from '../../../../src/grading/grade-submission';
import { editionOf, withoutReferences } from '../../../../components/gradebook/edition';
import { makeSubmission } from '../../../helpers/submissions';

const course = { ...DEFAULT_COURSE, perStudentVariants: false };
const withEdition = (edition: string | undefined) => ({ dataset: edition === undefined ? {} : { edition } }) as unknown as HTMLElement;

describe('editionOf', () => {
  it('is the instructor edition only when the page says exactly so', () => {
    expect(editionOf(withEdition('instructor'))).toBe('instructor');
    for (const other of ['student', 'Instructor', '', undefined]) expect(editionOf(withEdition(other))).toBe('student');
  });
});

describe('withoutReferences', () => {
  it('drops every reference of a real regrade and keeps its marks and feedback, so feedback files have no Reference line', async () => {
    const sub = await makeSubmission({ id: 's9', course, skill: 0.5, seed: 9 });
    const graded = await gradeSubmission(sub, course);
    expect(graded.answers.some((a) => a.reference !== '')).toBe(true);
    expect(feedbackFiles([graded])[0].text).toContain('Reference:');

    const [kept] = withoutReferences([graded]);
    expect(kept.answers.map((a) => a.reference)).toEqual(graded.answers.map(() => ''));
    expect(kept.answers.map((a) => a.feedback)).toEqual(graded.answers.map((a) => a.feedback));
    expect(kept.items).toEqual(graded.items);
    expect(kept.total).toBe(graded.total);
    expect(feedbackFiles([kept])[0].text).not.toContain('Reference:');
    expect(graded.answers.some((a) => a.reference !== '')).toBe(true);
  });
});
