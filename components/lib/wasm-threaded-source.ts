/**
 * Makes tfjs-backend-wasm's threaded build start in the bundled page. Its pthread workers load the
 * module factory from a blob of `factory.toString()`; after bundling and minification that function
 * refers to variables of the module around it (renamed, e.g. `e`), so every worker failed with
 * "e is not defined" and the backend never finished starting. The factory's toString is given the
 * published file's own, self-contained source instead. Call before tfjs starts the wasm backend.
 */
export async function useSelfContainedThreadedFactory(): Promise<void> {
  const [mod, raw] = await Promise.all([
    import('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js'),
    import('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js?raw'),
  ]);
  const m = mod as unknown as { default?: unknown };
  const factory = (m.default ?? m) as object;
  if (typeof factory !== 'function') return;
  // The worker evaluates `var WasmBackendModuleThreadedSimd = ` + this, so it must be one expression.
  const source = `(function () {\n${raw.default}\nreturn WasmBackendModuleThreadedSimd;\n})()`;
  Object.defineProperty(factory, 'toString', { value: () => source, configurable: true });
}
