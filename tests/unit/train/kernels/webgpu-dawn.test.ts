import { describe, expect, it } from 'vitest';
import { SWIFTSHADER_ICD, missingVulkanReason } from '../../../../bench/lib/dawn';

describe('missingVulkanReason', () => {
  it('names the Debian package when the Vulkan loader is absent', () => {
    expect(missingVulkanReason({}, () => false)).toMatch(/libvulkan1/);
  });
  it('names a VK_ICD_FILENAMES file that does not exist', () => {
    expect(missingVulkanReason({ VK_ICD_FILENAMES: '/nowhere/icd.json' }, (p) => p !== '/nowhere/icd.json')).toMatch(
      /\/nowhere\/icd\.json/,
    );
  });
  it('names chromium (SwiftShader) when no driver is set and SwiftShader is absent', () => {
    expect(missingVulkanReason({}, (p) => p !== SWIFTSHADER_ICD)).toMatch(/chromium/);
  });
});
