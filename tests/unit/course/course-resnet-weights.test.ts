import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { IMAGENET_WEIGHTS_URL, readCourse } from '../../../src/course/course';

describe('readCourse resnetWeights', () => {
  it('keeps a relative or http(s) URL of a .safetensors or .pth file, and leaves it out when absent', () => {
    const base = { name: 'C', perStudentVariants: false, salt: '' };
    for (const url of ['weights/resnet18.safetensors', 'https://example.org/m/resnet18-f37072fd.pth', '/hw1/w/r.SAFETENSORS']) {
      const r = readCourse(JSON.stringify({ ...base, resnetWeights: url }));
      expect(r.ok && r.value.resnetWeights).toBe(url);
    }
    const none = readCourse(JSON.stringify(base));
    expect(none.ok && 'resnetWeights' in none.value).toBe(false);
  });
  it('reads false as "no download", and the book\'s own course.json points at the public ImageNet weights', () => {
    const off = readCourse(JSON.stringify({ resnetWeights: false }));
    expect(off.ok && off.value.resnetWeights).toBe(false);
    const shipped = readCourse(readFileSync('public/course.json', 'utf8'));
    expect(shipped.ok && shipped.value.resnetWeights).toBe(IMAGENET_WEIGHTS_URL);
    expect(new URL(IMAGENET_WEIGHTS_URL).pathname).toMatch(/\/timm\/resnet18\.tv_in1k\/resolve\/main\/model\.safetensors$/);
  });
  it('refuses a value that is not such a URL with a message naming the field', () => {
    for (const bad of [42, true, '', 'weights/resnet18.bin', 'javascript:alert(1).pth', 'file:///tmp/r.pth']) {
      const r = readCourse(JSON.stringify({ resnetWeights: bad }));
      expect(r.ok, String(bad)).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/^resnetWeights must be the URL of a \.safetensors or \.pth file/);
    }
  });
});
