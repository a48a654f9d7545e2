import { describe, it, expect } from 'vitest';
import { pyLiteral } from '../../../src/python/py-literal';
import { callScript, hasPython, writeScript } from '../export/python';

describe('pyLiteral', () => {
  const value = { a: [1, -2.5, 1e-8, 0.1 + 0.2, 2 ** 53 + 2, -0, Infinity], s: 'qu"ote\\ \n 𝒜 é', t: true, f: false, n: null };

  it('writes Python literals', () => {
    expect(pyLiteral([true, false, null, 3, 'x'])).toBe('[True, False, None, 3, "x"]');
    expect(pyLiteral(-Infinity)).toBe("-float('inf')");
  });

  it('round-trips through Python exactly (floats to the bit, strings with escapes and astral characters)', () => {
    expect(hasPython, 'python3 is needed').toBe(true);
    const path = writeScript(`V = ${pyLiteral(value)}\n`, 'lit.py');
    const back = callScript<typeof value>(
      path,
      'import math\nv = dict(m.V)\nv["a"] = [x if math.isfinite(x) else "inf" for x in v["a"]]\nprint(json.dumps(v))',
    );
    expect(back).toEqual({ ...value, a: [1, -2.5, 1e-8, 0.1 + 0.2, 2 ** 53 + 2, -0, 'inf'] });
  });
});
