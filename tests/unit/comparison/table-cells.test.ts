import { describe, expect, it } from 'vitest';
import { reportedRows, runRow } from '../../../src/comparison/comparison-table';
import { COLUMNS, durationText, parametersText, rowCells } from '../../../src/comparison/table-cells';
import { homeworkRuns } from '../../helpers/run-records';

describe('rowCells', () => {
  it('writes one cell per column: percentages, pp gaps, grouped parameter counts, dashes for what is unknown', () => {
    const row = runRow(homeworkRuns()[1]);
    const cells = rowCells(row);
    expect(cells).toHaveLength(COLUMNS.length);
    const at = (name: (typeof COLUMNS)[number]) => cells[COLUMNS.indexOf(name)];
    expect(at('Test accuracy')).toBe(`${(100 * row.testAccuracy!).toFixed(2)} %`);
    expect(at('Parameters')).toBe('11,181,642');
    expect(at('Train–val gap')).toBe('30.00 pp');
    expect(at('Pretrained')).toBe('yes (torchvision IMAGENET1K_V1)');
    const ref = rowCells(reportedRows()[0]);
    expect(ref[COLUMNS.indexOf('Parameters')]).toBe('—');
    expect(ref[COLUMNS.indexOf('Test accuracy')]).toBe('44.17 %');
    expect(ref[COLUMNS.indexOf('Backend')]).toBe('—');
    expect(rowCells({ ...row, epochsDone: 3, epochsPlanned: 10 })[COLUMNS.indexOf('Epochs')]).toBe('3 of 10');
  });
});

describe('durationText', () => {
  it('uses seconds, minutes or hours', () => {
    expect(durationText(42)).toBe('42.0 s');
    expect(durationText(210)).toBe('3.5 min');
    expect(durationText(4.5 * 3600)).toBe('4.5 h');
    expect(durationText(null)).toBe('—');
    expect(durationText(NaN)).toBe('—');
  });
});

describe('parametersText', () => {
  it('says how many were trained when a frozen backbone trained only the head', () => {
    const [, resnet] = homeworkRuns();
    const frozen = runRow({ ...resnet, config: { ...resnet.config, fineTuning: 'frozen' } });
    expect(frozen.trainedParameters).toBe(512 * 10 + 10);
    expect(rowCells(frozen)[COLUMNS.indexOf('Parameters')]).toBe('11,181,642 (5,130 trained)');
    expect(runRow({ ...resnet, config: { ...resnet.config, fineTuning: 'full' } }).trainedParameters).toBe(11_181_642);
    expect(parametersText(null, 5)).toBe('—');
    expect(parametersText(10, 10)).toBe('10');
  });
});
