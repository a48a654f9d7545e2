/** What ../shared/homework.md quotes of the homework ResNet-18's validation-loss log (q2.3), for the chapters' text and the tests. */

/** Its value at epoch 2, its lowest (epoch 9) and highest after epoch 2 (epoch 8), and its value at the last epoch (10). */
export const HOMEWORK_VAL_LOSS = {
  second: 1.4538,
  lowest: 1.3316,
  lowestEpoch: 9,
  highest: 1.87,
  highestEpoch: 8,
  last: 1.62,
  lastEpoch: 10,
} as const;
