/**
 * What the GPU backends would run on, found before tfjs starts them: WebGPU's adapter (none, a
 * fallback/software adapter, or hardware) and WebGL's unmasked renderer. `auto` uses it to pass
 * over software renderers (SwiftShader, llvmpipe…), which train far slower than wasm.
 */

/** The outcome of probing one GPU backend. */
export type ProbeResult =
  | { ok: true; software: false; adapter: string }
  | { ok: true; software: true; adapter: string }
  | { ok: false; reason: string };

const SOFTWARE = /swiftshader|llvmpipe|lavapipe|softpipe|software|basic render|mesa offscreen|subzero/i;

/** True when a GPU adapter or WebGL renderer name is a software rasteriser running on the CPU. */
export function isSoftwareRenderer(name: string): boolean {
  return SOFTWARE.test(name);
}

/** The fields of GPUAdapterInfo the probe reads. */
export interface AdapterInfoLike {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}

/** A readable adapter name and whether it is a software (fallback) adapter. */
export function describeWebgpuAdapter(info: AdapterInfoLike | undefined, isFallback?: boolean): { adapter: string; software: boolean } {
  const parts = [info?.vendor, info?.architecture, info?.device, info?.description].filter((p): p is string => !!p && p.trim() !== '');
  const adapter = parts.length ? [...new Set(parts)].join(' ') : 'unnamed adapter';
  const software = info?.isFallbackAdapter === true || isFallback === true || isSoftwareRenderer(adapter);
  return { adapter, software };
}

interface GpuLike {
  requestAdapter(o?: {
    powerPreference?: string;
  }): Promise<{ info?: AdapterInfoLike; isFallbackAdapter?: boolean; requestDevice(): Promise<{ destroy(): void }> } | null>;
}

/** Probes WebGPU: is there `navigator.gpu`, an adapter, a device; and is the adapter software. */
export async function probeWebgpu(
  gpu: GpuLike | undefined = (globalThis as { navigator?: { gpu?: GpuLike } }).navigator?.gpu,
): Promise<ProbeResult> {
  if (!gpu)
    return {
      ok: false,
      reason:
        'this browser has no WebGPU (no navigator.gpu): use a current Chrome or Edge, or Firefox/Safari with WebGPU turned on, over https or localhost',
    };
  let a;
  try {
    a = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (e) {
    return { ok: false, reason: `the adapter request failed (${(e as Error).message})` };
  }
  if (!a)
    return {
      ok: false,
      reason:
        'no WebGPU adapter: the browser found no usable GPU (hardware acceleration off, a blocked driver, or no GPU); turn on hardware acceleration in the browser settings or update the graphics driver',
    };
  const { adapter, software } = describeWebgpuAdapter(a.info, a.isFallbackAdapter);
  try {
    (await a.requestDevice()).destroy();
  } catch (e) {
    return {
      ok: false,
      reason: `the GPU (${adapter}) refused a device (${(e as Error).message}); close other tabs that use the GPU, or restart the browser`,
    };
  }
  return software ? { ok: true, software: true, adapter } : { ok: true, software: false, adapter };
}

interface CanvasLike {
  getContext(kind: string): unknown;
}
interface GlLike {
  getExtension(n: string): { UNMASKED_RENDERER_WEBGL: number } | null;
  getParameter(p: number): unknown;
  RENDERER: number;
}

/** Probes WebGL: a WebGL2 (or 1) context and its unmasked renderer name. */
export function probeWebgl(makeCanvas: (() => CanvasLike) | null = defaultCanvas()): ProbeResult {
  if (!makeCanvas) return { ok: false, reason: 'no canvas to draw on (not a browser page)' };
  const c = makeCanvas();
  const gl = (c.getContext('webgl2') ?? c.getContext('webgl')) as GlLike | null;
  if (!gl) return { ok: false, reason: 'this browser gives no WebGL context (hardware acceleration off or the GPU blocked)' };
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  const adapter = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? 'unknown renderer');
  return isSoftwareRenderer(adapter) ? { ok: true, software: true, adapter } : { ok: true, software: false, adapter };
}

function defaultCanvas(): (() => CanvasLike) | null {
  const g = globalThis as {
    OffscreenCanvas?: new (w: number, h: number) => CanvasLike;
    document?: { createElement(t: string): CanvasLike };
  };
  if (g.OffscreenCanvas) return () => new g.OffscreenCanvas!(1, 1);
  if (g.document) return () => g.document!.createElement('canvas');
  return null;
}
