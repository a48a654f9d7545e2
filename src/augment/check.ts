/** Small readers for untrusted JSON parameters: each returns the value or throws a ParamError naming the field. */

/** A bad parameter: `message` names the field by its path; `field` is that path and `words` says the rest in a student's words ("must be a number from 0 to 1 (you entered 2)"). */
export class ParamError extends Error {
  constructor(
    message: string,
    readonly field?: string,
    readonly words?: string,
  ) {
    super(message);
  }
}

/** A JSON object's fields. */
export type Obj = Record<string, unknown>;

const show = (x: unknown) => (x === undefined ? 'missing' : JSON.stringify(x));

/** A value as the student typed it: lists comma-separated, text as it is. */
const typed = (x: unknown): string =>
  Array.isArray(x) ? x.map(typed).join(', ') : typeof x === 'string' ? x : (JSON.stringify(x) ?? String(x));

/** "(you entered …)", or what is missing or empty. */
function gotWords(x: unknown): string {
  if (x === undefined) return 'it is missing';
  if (x === '' || (Array.isArray(x) && x.length === 0)) return 'the field is empty';
  return `you entered "${typed(x)}"`;
}

/** Fails with "<name> must be <what> (got …)"; `words`: what is expected in a student's words (default: `what`). */
export function fail(name: string, what: string, got: unknown, words = what): never {
  throw new ParamError(`${name} must be ${what} (got ${show(got)})`, name, `must be ${words} (${gotWords(got)})`);
}

/** "a number from 0 to 1", "a number of at least 0"… in words. */
function between(noun: string, min: number, max: number): string {
  if (min > -Infinity && max < Infinity) return `${noun} from ${min} to ${max}`;
  if (min > -Infinity) return `${noun} of at least ${min}`;
  return max < Infinity ? `${noun} of at most ${max}` : noun;
}

/** A finite number in [min, max]. */
export function num(x: unknown, name: string, min = -Infinity, max = Infinity): number {
  if (typeof x !== 'number' || !Number.isFinite(x) || x < min || x > max) {
    fail(name, `a number${min > -Infinity || max < Infinity ? ` in [${min}, ${max}]` : ''}`, x, between('a number', min, max));
  }
  return x;
}

/** An integer in [min, max]. */
export function int(x: unknown, name: string, min = -1e9, max = 1e9): number {
  if (!Number.isInteger(x) || (x as number) < min || (x as number) > max)
    fail(name, `an integer in [${min}, ${max}]`, x, between('a whole number', min, max));
  return x as number;
}

/** A boolean. */
export function bool(x: unknown, name: string): boolean {
  if (typeof x !== 'boolean') fail(name, 'true or false', x);
  return x;
}

/** One of the given strings. */
export function oneOf<T extends string>(x: unknown, name: string, options: readonly T[]): T {
  if (!options.includes(x as T)) fail(name, `one of ${options.map((o) => `"${o}"`).join(', ')}`, x, `one of ${options.join(', ')}`);
  return x as T;
}

/** An array of `len` (or any of `lens`) numbers in [min, max]. */
export function nums(x: unknown, name: string, lens: number[], min = -Infinity, max = Infinity): number[] {
  if (!Array.isArray(x) || !lens.includes(x.length))
    fail(name, `a list of ${lens.join(' or ')} numbers`, x, `${lens.join(' or ')} numbers separated by commas`);
  return x.map((v, i) => num(v, `${name}[${i}]`, min, max));
}

/** A [min, max] range with min ≤ max inside [lo, hi]. */
export function range(x: unknown, name: string, lo = -Infinity, hi = Infinity): [number, number] {
  const [a, b] = nums(x, name, [2], lo, hi);
  if (a > b) fail(name, '[min, max] with min ≤ max', x, 'two numbers, the smaller first');
  return [a, b];
}

/** Rejects fields not in `allowed` (a typo should not silently become a default). */
export function onlyKeys(o: Obj, allowed: readonly string[], where: string, ignore: readonly string[] = []): void {
  for (const k of Object.keys(o)) {
    if (allowed.includes(k) || ignore.includes(k)) continue;
    const words = `there is no parameter "${k}" (${allowed.length ? `it takes ${allowed.join(', ')}` : 'it takes none'})`;
    throw new ParamError(`${where}: unknown parameter "${k}" (expected ${allowed.join(', ') || 'none'})`, undefined, words);
  }
}

/** torchvision's fill: null, a number, or one number per channel (1 or 3). */
export function fillValue(x: unknown, name: string, allowNull: boolean): number[] | null {
  if (x === null && allowNull) return null;
  if (typeof x === 'number') return [num(x, name)];
  if (Array.isArray(x)) return nums(x, name, [1, 3]);
  return fail(
    name,
    allowNull ? 'null, a number or a list of 1 or 3 numbers' : 'a number or a list of 1 or 3 numbers',
    x,
    `one number, or 3 numbers separated by commas (one for each colour channel)${allowNull ? ', or null' : ''}`,
  );
}

/** A plain JSON object. */
export function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
