#!/bin/bash
# Bundles bench/gpu.bench.ts (npm run bench:gpu) into one Node ESM file and packs it with node,
# dawn.node and the Vulkan loader into .gpu/ (../shared/gpu/prepare.sh), for a GPU machine without
# Node. Then, there, from the checkout root: bash .gpu/run.sh .gpu/gpu-bench.mjs [--sizes 64,128 …]
# Check it here first on SwiftShader:
#   VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json DAWN_NODE=node_modules/webgpu/dist/linux-x64/dawn.node \
#     node .gpu/gpu-bench.mjs --sizes 16 --batch 4 --steps 1
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
out="${TMPDIR:-/tmp}/gpu-bundle-$$"
mkdir -p "$out"
npx esbuild bench/gpu.bench.ts --bundle --platform=node --format=esm --log-level=warning \
  --external:webgpu --outfile="$out/gpu-bench.mjs" \
  --banner:js="import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);"
bash ../shared/gpu/prepare.sh "$out/gpu-bench.mjs"
rm -rf "$out"
