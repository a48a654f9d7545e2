#!/bin/bash
# Bundles bench/gpu.bench.ts (npm run bench:gpu) and bench/gpu-kernels.bench.ts each into one Node
# ESM file and packs them with node, dawn.node and the Vulkan loader into .gpu/ (../shared/gpu/prepare.sh),
# for a GPU machine without Node. Then, there, from the checkout root:
#   bash .gpu/run.sh .gpu/gpu-kernels-bench.mjs   (kernel by kernel, stock vs ours, batch 32)
#   bash .gpu/run.sh .gpu/gpu-bench.mjs           (CNN training step at 64 and 128, stock vs ours)
# Check it here first on SwiftShader:
#   VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json DAWN_NODE=node_modules/webgpu/dist/linux-x64/dawn.node \
#     node .gpu/gpu-bench.mjs --sizes 16 --batch 4 --steps 1
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
out="${TMPDIR:-/tmp}/gpu-bundle-$$"
mkdir -p "$out"
for name in gpu gpu-kernels; do
  npx esbuild "bench/$name.bench.ts" --bundle --platform=node --format=esm --log-level=warning \
    --external:webgpu --outfile="$out/$name-bench.mjs" \
    --banner:js="import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);"
done
bash ../shared/gpu/prepare.sh "$out/gpu-bench.mjs" "$out/gpu-kernels-bench.mjs"
rm -rf "$out"
