import { describe, expect, it } from 'vitest';
import { centroidLines, pointsText, shownText, splitChoices } from '../../../../components/feature-space/view-words';

describe('splitChoices', () => {
  it('offers both splits and each alone when the view has train and validation points', () => {
    expect(splitChoices(['train', 'val', 'train'])).toEqual([
      { value: 'all', text: 'train and validation' },
      { value: 'train', text: 'train only' },
      { value: 'val', text: 'validation only' },
    ]);
  });
  it('offers nothing to choose on a validation-only view or without splits', () => {
    expect(splitChoices(['val', 'val'])).toEqual([]);
    expect(splitChoices(undefined)).toEqual([]);
  });
});

describe('pointsText and shownText', () => {
  it('say what the view holds and how much of it is shown', () => {
    expect(pointsText(500, Array(500).fill('val'))).toBe('500 points (validation images)');
    expect(pointsText(800, ['train', 'val'])).toBe('800 points');
    expect(shownText(500, 500, 'all', 0)).toBe('Showing all 500 points.');
    expect(shownText(300, 500, 'train', 0)).toBe('Showing 300 of 500 points (train only).');
    expect(shownText(0, 500, 'val', 2)).toBe('Showing 0 of 500 points (validation only; 2 classes hidden).');
  });
});

describe('centroidLines', () => {
  it('gives each class shown its points, centre and nearest classes', () => {
    const pts = [1, 0, 1, 0, -1, 0, 0, 0.5];
    const lines = centroidLines(pts, 4, 2, [0, 0, 1, 2], ['cat', 'dog', 'fox']);
    expect(lines).toEqual([
      'cat: 2 points, centre at x 1.00, y 0.00; nearest fox (1.12), dog (2.00).',
      'dog: 1 point, centre at x −1.00, y 0.00; nearest fox (1.12), cat (2.00).',
      'fox: 1 point, centre at x 0.00, y 0.50; nearest cat (1.12), dog (1.12).',
    ]);
    expect(centroidLines(pts, 4, 2, [0, 0, 1, 2], ['cat', 'dog', 'fox'], (i) => i < 2)).toEqual([
      'cat: 2 points, centre at x 1.00, y 0.00; no other class shown.',
    ]);
  });
});
