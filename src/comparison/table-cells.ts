/** The comparison table as text: column headings and one cell per column, so the page only writes strings. */
import type { ComparisonRow } from './comparison-table';

/** Column headings, in order. */
export const COLUMNS = [
  'Run',
  'Test accuracy',
  'Macro F1',
  'Parameters',
  'Epochs',
  'Train accuracy',
  'Validation accuracy',
  'Train–val gap',
  'Training time',
  'Images per second',
  'Backend',
  'Pretrained',
  'Augmentation',
] as const;

const DASH = '—';
const pct = (x: number | null) => (x === null ? DASH : `${(100 * x).toFixed(2)} %`);
const pp = (x: number | null) => (x === null ? DASH : `${(100 * x).toFixed(2)} pp`);

/** Seconds as "42.0 s", "3.5 min" or "1.2 h". */
export function durationText(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return DASH;
  if (seconds < 120) return `${seconds.toFixed(1)} s`;
  if (seconds < 7200) return `${(seconds / 60).toFixed(1)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/** "11,181,642", or "11,181,642 (5,130 trained)" when a frozen backbone left most of them untouched. */
export function parametersText(all: number | null, trained: number | null): string {
  if (all === null) return DASH;
  const text = all.toLocaleString('en');
  return trained !== null && trained !== all ? `${text} (${trained.toLocaleString('en')} trained)` : text;
}

/** The row's cells in COLUMNS order. */
export function rowCells(row: ComparisonRow): string[] {
  const epochs =
    row.epochsDone === null
      ? DASH
      : row.epochsPlanned !== null && row.epochsPlanned !== row.epochsDone
        ? `${row.epochsDone} of ${row.epochsPlanned}`
        : String(row.epochsDone);
  const pretrained =
    row.pretrained === null ? DASH : row.pretrained ? `yes${row.pretrainedSource ? ` (${row.pretrainedSource})` : ''}` : 'no';
  return [
    row.label,
    pct(row.testAccuracy),
    row.macroF1 === null ? DASH : row.macroF1.toFixed(4),
    parametersText(row.parameters, row.trainedParameters),
    epochs,
    pct(row.trainAccuracy),
    pct(row.valAccuracy),
    pp(row.gap),
    durationText(row.seconds),
    row.imagesPerSecond === null ? DASH : row.imagesPerSecond.toFixed(0),
    row.backend ?? DASH,
    pretrained,
    row.augmentation ?? DASH,
  ];
}
