#!/usr/bin/python3
"""Compare stacstream's grid_stats for one tile of workload W with a peer's result.

usage: w_compare.py PEER.tif STACSTREAM.raw [--shared-bench DIR]

PEER.tif: the 10-band output of ../shared/bench/w_rasterio.py (B04_count, B04_mean, B04_min, B04_max,
B04_std, B08_count, ...). STACSTREAM.raw: what GridStatsRaster wrote for the same tile and bands
(red = B04, nir = B08), with its .json sidecar. The comparison is check_results.py's, from the shared bench
directory (default ../shared/bench next to the repository): per band and statistic the largest absolute
difference and the cells where exactly one side is NaN. Counts, min and max must be equal; mean and std agree
to float32 rounding.

When the job's grid has more cells than the peer's (a tile that is not a multiple of the factor: the job keeps
the partial edge cells, the peer crops them), only the peer's cells are compared. Prints ALL MATCH or
SOME MISMATCH and exits 0 or 1.
"""
import json
import os
import sys

import numpy as np
import rasterio


def main():
    args = sys.argv[1:]
    here = os.path.dirname(os.path.abspath(__file__))
    shared = os.path.join(here, "..", "..", "shared", "bench")
    if "--shared-bench" in args:
        i = args.index("--shared-bench")
        shared = args[i + 1]
        del args[i:i + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    sys.path.insert(0, shared)
    import check_results                      # the peers' own comparison: same tolerances and report

    with rasterio.open(args[0]) as src:
        ref = src.read().astype(np.float64)
    meta = json.load(open(args[1] + ".json"))
    ours = np.fromfile(args[1], dtype="<f8").reshape(meta["shape"])
    if ours.shape[0] != ref.shape[0]:
        sys.exit(f"w_compare.py: {args[1]} has {ours.shape[0]} layers, {args[0]} has {ref.shape[0]}")
    rows, cols = ref.shape[1:]
    if ours.shape[1] < rows or ours.shape[2] < cols:
        sys.exit(f"w_compare.py: {args[1]} grid {ours.shape[1:]} is smaller than the peer's {ref.shape[1:]}")
    ours = ours[:, :rows, :cols]
    empty = int((ref[0] == 0).sum())
    print(f"peer {args[0]}: {rows} x {cols} cells, {empty} without valid B04 pixels; "
          f"stacstream {args[1]}: {meta['shape'][1]} x {meta['shape'][2]} cells")
    exact = [i for i, name in enumerate(meta["layers"]) if name.split("_")[1] in ("count", "min", "max")]
    ok = check_results.compare("stacstream", ref, ours)
    for i in exact:        # check_results allows 1e-3 relative everywhere; these must be equal
        both = ~np.isnan(ref[i]) & ~np.isnan(ours[i])
        diff = int((ref[i][both] != ours[i][both]).sum())
        if diff:
            print(f"  stacstream {meta['layers'][i]}: {diff} cells differ (must be exact)  <-- MISMATCH")
            ok = False
    print("ALL MATCH" if ok else "SOME MISMATCH")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
