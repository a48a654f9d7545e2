import { describe, expect, it } from 'vitest';
import { readCourse } from '../../../src/course/course';

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
  it('refuses a value that is not such a URL with a message naming the field', () => {
    for (const bad of [42, '', 'weights/resnet18.bin', 'javascript:alert(1).pth', 'file:///tmp/r.pth']) {
      const r = readCourse(JSON.stringify({ resnetWeights: bad }));
      expect(r.ok, String(bad)).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/^resnetWeights must be the URL of a \.safetensors or \.pth file/);
    }
  });
});
