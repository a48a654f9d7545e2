import { describe, expect, it } from 'vitest';
import {
  defaultPicks,
  defaultSelection,
  defaultSelectionText,
  latestPerQuestion,
  mergeRuns,
  readableRuns,
} from '../../../src/comparison/run-sources';
import { comparisonRun, homeworkRuns } from '../../helpers/run-records';

describe('mergeRuns', () => {
  it('keeps one entry per id, the handed-in copy winning, newest first', () => {
    const [cnn, resnet, aug] = homeworkRuns();
    const handedCnn = { ...cnn, backend: 'webgpu' };
    const merged = mergeRuns([cnn, resnet], [handedCnn, aug]);
    expect(merged.map((m) => m.run.id)).toEqual(['augmented-fixture', 'resnet-fixture', 'cnn-fixture']);
    expect(merged.map((m) => [m.stored, m.handedIn])).toEqual([
      [false, true],
      [true, false],
      [true, true],
    ]);
    expect(merged[2].run.backend).toBe('webgpu');
    expect(mergeRuns([], [])).toEqual([]);
    expect(mergeRuns([cnn, cnn], [])).toHaveLength(1);
  });
});

describe('defaultSelection', () => {
  it('ticks the latest run with test results of each question', () => {
    const runs = homeworkRuns();
    const newerCnn = comparisonRun({
      id: 'cnn-newer',
      question: 'q2.2',
      seed: 5,
      skill: 9,
      finalTrain: 0.9,
      finalVal: 0.5,
      createdAt: '2026-12-01T09:00:00.000Z',
    });
    const unfinished = {
      ...comparisonRun({
        id: 'cnn-unfinished',
        question: 'q2.2',
        seed: 6,
        skill: 9,
        finalTrain: 0.9,
        finalVal: 0.5,
        createdAt: '2026-12-01T10:00:00.000Z',
      }),
      test: null,
      stopped: 'stopped',
    };
    expect(defaultSelection([...runs, newerCnn, unfinished]).sort()).toEqual(['augmented-fixture', 'cnn-newer', 'resnet-fixture']);
    expect(Object.keys(latestPerQuestion([runs[1]]))).toEqual(['q2.3']);
    expect(defaultSelection([])).toEqual([]);
  });
});

describe('defaultPicks', () => {
  it('ticks the handed-in run the exercises read, not a newer kept one, and the latest kept run where none is handed in', () => {
    const [cnn, resnet, aug] = homeworkRuns();
    const newerCnn = comparisonRun({
      id: 'cnn-newer',
      question: 'q2.2',
      seed: 5,
      skill: 9,
      finalTrain: 0.9,
      finalVal: 0.5,
      createdAt: '2026-12-01T09:00:00.000Z',
    });
    const all = [cnn, resnet, aug, newerCnn];
    const picks = defaultPicks(all, [cnn, resnet]);
    expect(picks).toEqual([
      { question: 'q2.2', id: cnn.id, handedIn: true },
      { question: 'q2.3', id: resnet.id, handedIn: true },
      { question: 'q2.4', id: aug.id, handedIn: false },
    ]);
    expect(defaultSelection(all, [cnn, resnet])).toEqual([cnn.id, resnet.id, aug.id]);
    expect(defaultPicks(all, []).find((p) => p.question === 'q2.2')?.id).toBe('cnn-newer');
  });
});

describe('defaultSelectionText', () => {
  it('names the handed-in runs ticked, and the others as not read by the exercises', () => {
    const text = defaultSelectionText([
      { question: 'q2.2', id: 'a', handedIn: true },
      { question: 'q2.4', id: 'b', handedIn: false },
    ]);
    expect(text).toMatch(/^Ticked by default: your handed-in runs, the ones the exercises below are checked against \(q2\.2: a\)\./);
    expect(text).toMatch(
      /Also ticked, with no run handed in for its question: the latest finished run \(q2\.4: b\), which the exercises do not read/,
    );
    expect(defaultSelectionText([{ question: 'q2.3', id: 'c', handedIn: false }])).toMatch(/^Ticked by default, with no run handed in/);
    expect(defaultSelectionText([])).toBe('No finished run is listed, so none is ticked by default.');
  });
});

describe('readableRuns', () => {
  it('keeps valid records and names the others with the problem', () => {
    const [cnn, resnet] = homeworkRuns();
    const broken = { ...resnet, id: 'broken', epochs: [{ epoch: 1, trainLoss: NaN }] };
    const r = readableRuns([cnn, broken, null, { format: 'x' }]);
    expect(r.runs).toEqual([cnn]);
    expect(r.problems).toHaveLength(3);
    expect(r.problems[0]).toMatch(/^broken: epochs\[0\]/);
    expect(r.problems[1]).toMatch(/^a run without an id: /);
  });
});
