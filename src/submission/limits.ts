/** Size limits of a submission file: enforced when reading one so hostile files cannot exhaust memory. */
export const LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  maxAnswers: 500,
  maxAnswerChars: 20_000,
  maxCells: 400,
  maxRuns: 20,
  maxIdChars: 100,
  maxNameChars: 200,
  maxDepth: 40,
} as const;

/** Answer keys look like `q1.1d.mean` or `q2.2`: a homework id and an optional part name. */
export const ANSWER_KEY = /^q[12]\.\d[a-z]?(\.[A-Za-z0-9_-]{1,40}){0,2}$/;
