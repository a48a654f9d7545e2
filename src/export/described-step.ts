/**
 * Reads back the torchvision-style text of a pipeline step that `describeStep()` writes into a run
 * record's `config.augmentations` ("RandomCrop(size=(64, 64), padding=(4, 4, 4, 4), fill=0, …)"),
 * as `{op, params}` JSON for `validatePipeline()`. Tuples become arrays; 'text' becomes a string.
 */

type Value = number | string | boolean | Value[];

/** The `{op, params}` of one described step, or why the text is not one. */
export function parseDescribedStep(
  text: string,
): { ok: true; value: { op: string; params: Record<string, Value> } } | { ok: false; error: string } {
  const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*\((.*)\)\s*$/s.exec(text);
  if (!m) return { ok: false, error: 'expected a transform like "RandomHorizontalFlip(p=0.5)"' };
  const src = m[2];
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at character ${i + 1} of "${src}"`);
  };
  const ws = () => {
    while (i < src.length && /\s/.test(src[i])) i++;
  };
  const value = (): Value => {
    ws();
    if (src[i] === '(' || src[i] === '[') {
      const close = src[i] === '(' ? ')' : ']';
      i++;
      const items: Value[] = [];
      ws();
      while (src[i] !== close) {
        items.push(value());
        ws();
        if (src[i] === ',') {
          i++;
          ws();
        } else if (src[i] !== close) fail(`expected "," or "${close}"`);
      }
      i++;
      return items;
    }
    if (src[i] === "'" || src[i] === '"') {
      const q = src[i];
      const end = src.indexOf(q, i + 1);
      if (end < 0) fail('unterminated string');
      const s = src.slice(i + 1, end);
      i = end + 1;
      return s;
    }
    const tok = /^[^,()[\]\s]+/.exec(src.slice(i))?.[0] ?? fail('expected a value');
    i += tok.length;
    if (tok === 'true' || tok === 'True') return true;
    if (tok === 'false' || tok === 'False') return false;
    const n = Number(tok);
    return Number.isNaN(n) && tok !== 'NaN' ? fail(`"${tok}" is not a number`) : n;
  };
  try {
    const params: Record<string, Value> = {};
    ws();
    while (i < src.length) {
      const key = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))?.[0] ?? fail('expected a parameter name');
      i += key.length;
      ws();
      if (src[i] !== '=') fail(`expected "=" after ${key}`);
      i++;
      params[key] = value();
      ws();
      if (src[i] === ',') {
        i++;
        ws();
      } else if (i < src.length) fail('expected ","');
    }
    return { ok: true, value: { op: m[1], params } };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}
