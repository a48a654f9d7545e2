import { describe, expect, it } from 'vitest';
import { parsePackArgs } from '../../../cli/pack-args';

describe('parsePackArgs', () => {
  it('parses a full command line and derives the name from a zip', () => {
    expect(parsePackArgs(['data/wildlife.zip', '--size', '128', '--out', 'public/data'])).toEqual({
      ok: true,
      args: { input: 'data/wildlife.zip', size: 128, out: 'public/data', name: 'wildlife', fit: 'center-crop', maxPixels: 40e6 },
    });
    const r = parsePackArgs(['pics/', '--size', '64', '--out', 'o', '--fit', 'stretch', '--max-megapixels', '12']);
    expect(r).toMatchObject({ ok: true, args: { name: 'pics', fit: 'stretch', maxPixels: 12e6 } });
  });

  it('reports usage errors', () => {
    expect(parsePackArgs(['a', '--out', 'o'])).toEqual({ ok: false, error: '--size is required' });
    expect(parsePackArgs(['a', '--size', '64'])).toEqual({ ok: false, error: '--out is required' });
    expect(parsePackArgs(['a', 'b', '--size', '64', '--out', 'o'])).toMatchObject({ ok: false, error: /expected one input/ });
    expect(parsePackArgs(['a', '--size', '60', '--out', 'o'])).toMatchObject({ ok: false, error: /multiple of 16/ });
    expect(parsePackArgs(['a', '--size', '64', '--out', 'o', '--bogus'])).toMatchObject({ ok: false });
    expect(parsePackArgs(['a', '--size', '64', '--out', 'o', '--name', '../x'])).toMatchObject({ ok: false, error: /--name/ });
    expect(parsePackArgs(['--help'])).toEqual({ ok: 'help' });
  });
});
