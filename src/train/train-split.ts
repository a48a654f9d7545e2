/**
 * The three index lists the trainer reads. Only `trainSplit()` makes one, so a wider object (a
 * stratified split's result with `perClass` and `tinyClasses`) cannot reach the trainer by mistake:
 * TypeScript's structural typing would otherwise let any object with these three fields through.
 */
declare const made: unique symbol;

/** Indices into the data of each split, exactly these three lists. */
export interface TrainSplit {
  readonly train: number[];
  readonly val: number[];
  readonly test: number[];
  readonly [made]: true;
}

/** The split names, in the order the trainer checks and reports them. */
export const SPLIT_NAMES = ['train', 'val', 'test'] as const;

/** Copies exactly the train, val and test index lists of `lists` (other fields are left behind). */
export function trainSplit(lists: { train: ArrayLike<number>; val: ArrayLike<number>; test: ArrayLike<number> }): TrainSplit {
  return { train: Array.from(lists.train), val: Array.from(lists.val), test: Array.from(lists.test) } as unknown as TrainSplit;
}
