/** The homework questions a training run answers (a run record's `config.question`), in the homework's order. */
export const RUN_QUESTIONS = ['q2.2', 'q2.3', 'q2.4'] as const;

/** One of RUN_QUESTIONS. */
export type RunQuestion = (typeof RUN_QUESTIONS)[number];

/** True when `x` names a question a run can answer. */
export function isRunQuestion(x: unknown): x is RunQuestion {
  return (RUN_QUESTIONS as readonly unknown[]).includes(x);
}
