import { describe, expect, it } from 'vitest';
import { grade } from '../../../src/exercises/grade';
import { homeworkVariant } from '../../../src/exercises/variant';
import { exerciseById } from '../../../src/homework/catalog';
import { waitingForRun } from '../../../src/homework/run-context';
import { homeworkRuns } from '../../helpers/run-records';

describe('waitingForRun', () => {
  it('makes a run-checked number "Could not check" (no attempt) while no run is handed in, and steps aside once one is', async () => {
    const def = exerciseById('q2.2.metrics')!;
    const [bare] = await def.parts(homeworkVariant, { runs: [] });
    expect(bare.kind).toBe('text');
    const waiting = waitingForRun(def, bare, '((', []);
    expect(waiting?.status).toBe('unreadable');
    expect(waiting?.message).toMatch(/^Could not check this yet/);
    expect(waitingForRun(def, bare, '  ', []), 'a blank answer is "No answer yet", as everywhere').toBeNull();
    const [withRun] = await def.parts(homeworkVariant, { runs: homeworkRuns() });
    expect(withRun.kind).toBe('number');
    expect(waitingForRun(def, withRun, '((', homeworkRuns())).toBeNull();
    expect(grade(withRun, '((').status).toBe('unreadable');
  });

  it('leaves free-text inputs and exercises that read no run to the grader', async () => {
    const discussion = exerciseById('q2.6')!;
    const [text] = await discussion.parts(homeworkVariant, { runs: [] });
    expect(waitingForRun(discussion, text, 'It overfits.', [])).toBeNull();
    const split = exerciseById('q2.1.split')!;
    for (const spec of await split.parts(homeworkVariant, { runs: [] })) expect(waitingForRun(split, spec, '((', [])).toBeNull();
  });

  it('leaves an input that a handed-in run cannot decide (it fell back to hand marking) to the instructor', async () => {
    const def = exerciseById('q2.2.metrics')!;
    const [bare] = await def.parts(homeworkVariant, { runs: [] });
    expect(waitingForRun(def, bare, '0.5', homeworkRuns())).toBeNull();
  });
});
