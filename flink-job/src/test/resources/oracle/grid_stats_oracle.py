#!/usr/bin/python3
"""Oracle for stacstream's masking and grid aggregation kernels: whole-array numpy, read through GDAL.

usage: grid_stats_oracle.py SPEC.json OUT.f64 [VALIDITY.u8]

SPEC.json:
  {"bands": [{"path": ..., "overview": null|int, "nodata": null|number,
              "scale": 1.0, "offset": 0.0}, ...],
   "mask": null | {"path": ..., "overview": null|int, "ratio": int,
                   "rule": {"kind": "classes", "exclude": [...]} | {"kind": "bits", "bits": [...]}},
   "factor_x": int, "factor_y": int}

A band pixel is valid unless the mask pixel above it (nearest neighbour: mask[row // ratio, col // ratio])
is excluded by the rule, or its value equals the band's nodata (or is NaN). Cells are factor_x x factor_y
pixels anchored at the image origin; the last row and column of cells may be partial.

OUT.f64 receives little-endian float64 of shape (bands, 7, cell_rows, cell_cols) with, in order,
count_total, count_valid, sum, mean, min, max, std (population) of the valid values after
value * scale + offset; mean/min/max/std are NaN in cells without valid pixels. Statistics use
two passes over whole arrays (mean first, then squared deviations), not the streaming formulas
under test. VALIDITY.u8 (optional) receives the validity of the first band, one byte per pixel.
stdout: one JSON line {"shape": [...]}.
"""
import json
import sys

import numpy as np
from osgeo import gdal

gdal.UseExceptions()

STATS = ("count_total", "count_valid", "sum", "mean", "min", "max", "std")


def read(path, overview):
    ds = gdal.Open(path)
    band = ds.GetRasterBand(1)
    if overview is not None:
        band = band.GetOverview(overview)
    return band.ReadAsArray()


def mask_excluded(mask, rule):
    kind = rule["kind"]
    if kind == "classes":
        return np.isin(mask, np.array(rule["exclude"], dtype=np.int64))
    if kind == "bits":
        bits = 0
        for b in rule["bits"]:
            bits |= 1 << b
        return (mask.astype(np.int64) & bits) != 0
    raise ValueError("unknown rule kind " + kind)


def cell_view(a, fy, fx, fill):
    h, w = a.shape
    ny, nx = -(-h // fy), -(-w // fx)
    padded = np.full((ny * fy, nx * fx), fill, dtype=a.dtype)
    padded[:h, :w] = a
    return padded.reshape(ny, fy, nx, fx)


def main():
    spec = json.load(open(sys.argv[1]))
    out_path = sys.argv[2]
    validity_path = sys.argv[3] if len(sys.argv) > 3 else None
    fx, fy = spec["factor_x"], spec["factor_y"]
    excluded = None
    if spec.get("mask"):
        m = spec["mask"]
        mask = read(m["path"], m.get("overview"))
        r = m["ratio"]
        excluded_coarse = mask_excluded(mask, m["rule"])
    layers = []
    for i, b in enumerate(spec["bands"]):
        raw = read(b["path"], b.get("overview"))
        h, w = raw.shape
        valid = np.ones((h, w), dtype=bool)
        if spec.get("mask"):
            rows = np.arange(h) // r
            cols = np.arange(w) // r
            valid &= ~excluded_coarse[rows[:, None], cols[None, :]]
        values = raw.astype(np.float64)
        if b.get("nodata") is not None:
            valid &= raw != b["nodata"]
        valid &= ~np.isnan(values)
        values = values * b.get("scale", 1.0) + b.get("offset", 0.0)
        if i == 0 and validity_path:
            valid.astype(np.uint8).tofile(validity_path)
        inside = cell_view(np.ones((h, w), dtype=bool), fy, fx, False)
        v = cell_view(valid, fy, fx, False)
        x = cell_view(values, fy, fx, 0.0)
        ax = (1, 3)
        count_total = inside.sum(axis=ax).astype(np.float64)
        count_valid = v.sum(axis=ax).astype(np.float64)
        total = np.where(v, x, 0.0).sum(axis=ax)
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = total / count_valid
            dev = np.where(v, x - mean[:, None, :, None], 0.0)
            std = np.sqrt((dev * dev).sum(axis=ax) / count_valid)
        mn = np.where(v, x, np.inf).min(axis=ax)
        mx = np.where(v, x, -np.inf).max(axis=ax)
        empty = count_valid == 0
        for a in (mean, mn, mx, std):
            a[empty] = np.nan
        layers.append(np.stack([count_total, count_valid, total, mean, mn, mx, std]))
    result = np.stack(layers).astype("<f8")
    result.tofile(out_path)
    print(json.dumps({"shape": list(result.shape), "stats": STATS}))


if __name__ == "__main__":
    main()
