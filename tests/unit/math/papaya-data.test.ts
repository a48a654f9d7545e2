import { describe, expect, it } from 'vitest';
import { generatePapayas } from '../../../src/math/papaya-data';

describe('generatePapayas', () => {
  it('is deterministic in the seed and differs between seeds', () => {
    expect(generatePapayas(1, 30)).toEqual(generatePapayas(1, 30));
    expect(generatePapayas(1, 30)).not.toEqual(generatePapayas(2, 30));
  });

  it('gives n finite papayas of both labels, separated by 2·colour + 1.5·softness', () => {
    const data = generatePapayas(3, 50);
    expect(data).toHaveLength(50);
    expect(data.every((d) => d.x.every(Number.isFinite))).toBe(true);
    expect(new Set(data.map((d) => d.y))).toEqual(new Set([0, 1]));
    expect(data.every((d) => 2 * d.x[0] + 1.5 * d.x[1] > 0 === (d.y === 1))).toBe(true);
  });
});
