"""scikit-learn's Barnes-Hut t-SNE on the benchmark's data, the reference for bench/tsne.bench.ts.

Usage: python3 bench/tsne_sklearn.py --input features.npy --dims 2 --seed 0 --threads 2 --out embedding.npy
Prints one JSON line: seconds (fit only), kl, trustworthiness (k = 10), sklearn version.
The whole-process time (interpreter start, imports, loading) is measured by the caller.
"""
import argparse
import json
import os
import sys
import time


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--input", required=True)
    ap.add_argument("--dims", type=int, default=2)
    ap.add_argument("--perplexity", type=float, default=30.0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out")
    args = ap.parse_args()
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(args.threads)
    import numpy as np
    import sklearn
    from sklearn.manifold import TSNE, trustworthiness

    x = np.load(args.input).astype(np.float32)
    t0 = time.perf_counter()
    tsne = TSNE(n_components=args.dims, perplexity=args.perplexity, init="pca", learning_rate="auto",
                method="barnes_hut", angle=0.5, random_state=args.seed, n_jobs=args.threads)
    y = tsne.fit_transform(x)
    seconds = time.perf_counter() - t0
    if args.out:
        np.save(args.out, y.astype(np.float32))
    t = trustworthiness(x, y, n_neighbors=10)
    print(json.dumps({"seconds": seconds, "kl": float(tsne.kl_divergence_), "trustworthiness": float(t),
                      "iterations": int(tsne.n_iter_), "sklearn": sklearn.__version__}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
