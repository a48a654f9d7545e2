/**
 * Everything the comparison takes from components/elements (the book state, the run store, lazy
 * loading), in one place: when those files move to feature folders, only these lines change.
 */
export { bookState } from '../book/book-state';
export { listRuns, persistent, putRun, RUNS_CHANGE, runEvents } from '../book/run-store';
export { whenVisible } from '../lib/when-visible';
