/**
 * WebGPU in Node through Dawn (npm package `webgpu`): sets `navigator.gpu` and Dawn's globals
 * (GPUBufferUsage, …) so tfjs-backend-webgpu can start, and says which system package is missing
 * when Dawn finds no adapter. `DAWN_NODE` (a path to dawn.node, as on the GPU machine) wins over
 * the package; `softwareFallback` points Vulkan at Chromium's SwiftShader when no driver is named.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Chromium's software Vulkan driver (Debian package `chromium`). */
export const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

const VULKAN_LOADER_PATHS = [
  '/usr/lib/x86_64-linux-gnu/libvulkan.so.1',
  '/usr/lib/aarch64-linux-gnu/libvulkan.so.1',
  '/usr/lib/libvulkan.so.1',
  '/lib/x86_64-linux-gnu/libvulkan.so.1',
];

interface DawnModule {
  create: (flags: string[]) => GpuLike;
  globals: object;
}
interface GpuLike {
  requestAdapter(): Promise<{ features: Set<string>; info?: Record<string, unknown> } | null>;
}

/** What installDawn found: the adapter's description and whether it has timestamp queries. */
export interface DawnInfo {
  adapter: string;
  timestampQuery: boolean;
  icd: string | null;
}

/** Why Dawn found no adapter, naming the package or setting that fixes it. */
export function missingVulkanReason(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): string {
  if (process.platform === 'linux' && !VULKAN_LOADER_PATHS.some((p) => exists(p))) {
    return 'the Vulkan loader libvulkan.so.1 is missing: install the Debian package libvulkan1 (apt-get install -y libvulkan1)';
  }
  const icd = env.VK_ICD_FILENAMES ?? env.VK_DRIVER_FILES;
  if (icd && !icd.split(':').every((p) => exists(p))) return `VK_ICD_FILENAMES names a missing file (${icd})`;
  if (!icd && !exists(SWIFTSHADER_ICD)) return `no Vulkan driver: install chromium (for SwiftShader, ${SWIFTSHADER_ICD}) or a GPU driver`;
  return `Dawn found no Vulkan adapter (VK_ICD_FILENAMES=${icd ?? 'unset'})`;
}

/** Installs Dawn's WebGPU as navigator.gpu (once) and checks that an adapter exists; throws with the fix otherwise. */
export async function installDawn(opts: { softwareFallback?: boolean } = {}): Promise<DawnInfo> {
  if (opts.softwareFallback && !process.env.VK_ICD_FILENAMES && !process.env.VK_DRIVER_FILES && existsSync(SWIFTSHADER_ICD)) {
    process.env.VK_ICD_FILENAMES = SWIFTSHADER_ICD;
  }
  const g = globalThis as { navigator?: { gpu?: GpuLike } };
  if (!g.navigator?.gpu) {
    const dawn = process.env.DAWN_NODE
      ? (createRequire(import.meta.url)(process.env.DAWN_NODE) as DawnModule)
      : ((await import('webgpu')) as unknown as DawnModule);
    Object.assign(globalThis, dawn.globals);
    Object.defineProperty(globalThis, 'navigator', {
      value: { ...(g.navigator ?? {}), gpu: dawn.create([]) },
      configurable: true,
      writable: true,
    });
  }
  const adapter = await (g.navigator!.gpu as GpuLike).requestAdapter();
  if (!adapter) throw new Error(`WebGPU through Dawn is unavailable: ${missingVulkanReason()}`);
  const info = adapter.info ?? {};
  const name = [info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' ') || 'unknown adapter';
  return { adapter: name, timestampQuery: adapter.features.has('timestamp-query'), icd: process.env.VK_ICD_FILENAMES ?? null };
}
