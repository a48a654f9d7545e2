import { describe, expect, it } from 'vitest';
import { valShareSentence } from '../../../../components/dataset/split-wording';

describe('valShareSentence', () => {
  it('says a share once when every class sends the same (as printed)', () => {
    const text = valShareSentence({ min: 0.1, max: 0.1 + 1e-6 }, { min: 0.05, max: 0.16 });
    expect(text).toContain('every class sends 10.0 % of its images to validation.');
    expect(text).not.toContain('10.0 %–10.0 %');
    expect(text).toContain('between 5.0 % and 16.0 %, depending on the class');
  });

  it('gives a range when the shares differ', () => {
    expect(valShareSentence({ min: 0.098, max: 0.104 }, { min: 0.1, max: 0.1 })).toBe(
      "With this split every class sends between 9.8 % and 10.4 % of its images to validation. A label-blind random_split with the same seed would also send 10.0 % of every class's images.",
    );
  });
});
