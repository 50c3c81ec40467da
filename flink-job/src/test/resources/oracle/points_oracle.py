#!/usr/bin/python3
"""Independent point-extraction oracle (rasterio/GDAL + PROJ + numpy) for PointExtractionITCase.

Usage: points_oracle.py SPEC.json OUT.json

SPEC: {"items": [item JSON paths], "points": GeoJSON path, "id_property": name or null, "bands": [asset keys],
       "mask": {"asset": "scl", "exclude": [classes]} or {"asset": "qa_pixel", "bits": [bits]} or null,
       "scale_offset": bool,
       "period": "item"|"day"|"month", "composite": "median"|"mean", "interpolate": "linear"|"none"}
OUT: a JSON list of rows {point_id, collection, tile, period, band, value (null for none), count_valid,
     interpolated}, one per (point, collection, tile, band, period) as the points table should hold them.

Each item is read with rasterio: a point (WGS 84) is projected into the item's CRS with PROJ
(rasterio.warp.transform), its pixel is the one containing it (dataset.index, floor), the mask asset's pixel is
the one containing the band pixel's centre, and a sample is valid when the mask class is not excluded and the
value is not the asset's nodata. Values get raster:bands scale/offset. Per (point, collection, tile, band) the
periods' composites are numpy median/mean of the valid values; gaps are filled with numpy.interp over the
periods' start times (seconds), between the first and last composite only; for day/month every calendar period
between two composites is a gap, for items only the observed items.
"""
import calendar
import datetime as dt
import json
import os
import sys
from collections import defaultdict

import numpy as np
import rasterio
from rasterio.warp import transform

spec = json.load(open(sys.argv[1]))
points = json.load(open(spec["points"]))["features"]
id_prop = spec.get("id_property")
ids = [str(f["properties"][id_prop] if id_prop else f["id"]) for f in points]
lons = [f["geometry"]["coordinates"][0] for f in points]
lats = [f["geometry"]["coordinates"][1] for f in points]


def period_of(item_id, when):
    if spec["period"] == "item":
        return (item_id, when, when)
    if spec["period"] == "day":
        start = dt.datetime(when.year, when.month, when.day, tzinfo=dt.timezone.utc)
        return (start.strftime("%Y-%m-%d"), start, start + dt.timedelta(days=1))
    start = dt.datetime(when.year, when.month, 1, tzinfo=dt.timezone.utc)
    days = calendar.monthrange(when.year, when.month)[1]
    return (start.strftime("%Y-%m"), start, start + dt.timedelta(days=days))


def next_period(p):
    return period_of(None, p[2])


def resolve(base, href):
    if href.startswith("file:"):
        from urllib.parse import unquote, urlparse
        return unquote(urlparse(href).path)
    return os.path.join(base, href)


def sample(path, xs, ys):
    """Values and (row, col) of the pixels containing (xs, ys), None outside."""
    with rasterio.open(path) as ds:
        data = ds.read(1)
        out = []
        for x, y in zip(xs, ys):
            row, col = (int(v) for v in ds.index(x, y, op=np.floor))
            if 0 <= row < ds.height and 0 <= col < ds.width:
                out.append((data[row, col], ds.xy(row, col)))
            else:
                out.append(None)
        return out, ds.crs, data


series = defaultdict(lambda: defaultdict(list))  # (pid, coll, tile, band) -> period -> [values or nan]
for item_path in spec["items"]:
    item = json.load(open(item_path))
    base = os.path.dirname(item_path)
    props = item["properties"]
    when = dt.datetime.fromisoformat(props["datetime"].replace("Z", "+00:00"))
    tile = props.get("grid:code") or props.get("s2:mgrs_tile") or props.get("mgrs:grid_square")
    period = period_of(item["id"], when)
    mask_values = None
    for band in spec["bands"]:
        asset = item["assets"][band]
        rb = (asset.get("raster:bands") or [{}])[0]
        path = resolve(base, asset["href"])
        with rasterio.open(path) as ds:
            crs = ds.crs
        xs, ys = transform("EPSG:4326", crs, lons, lats)
        values, _, _ = sample(path, xs, ys)
        if spec["mask"] and mask_values is None:
            mpath = resolve(base, item["assets"][spec["mask"]["asset"]]["href"])
            with rasterio.open(mpath) as m:
                mdata = m.read(1)
                mask_values = []
                for v in values:
                    if v is None:
                        mask_values.append(None)
                        continue
                    cx, cy = v[1]  # band pixel centre
                    r, c = (int(v) for v in m.index(cx, cy, op=np.floor))
                    mask_values.append(int(mdata[r, c]))
        nodata = rb.get("nodata")
        scale = rb.get("scale", 1.0) if spec["scale_offset"] else 1.0
        offset = rb.get("offset", 0.0) if spec["scale_offset"] else 0.0
        for i, v in enumerate(values):
            if v is None:
                continue
            raw = float(v[0])
            ok = not (nodata is not None and raw == nodata) and not np.isnan(raw)
            if spec["mask"] and "bits" in spec["mask"]:
                ok = ok and not any((mask_values[i] >> b) & 1 for b in spec["mask"]["bits"])
            elif spec["mask"]:
                ok = ok and mask_values[i] not in spec["mask"]["exclude"]
            key = (ids[i], item["collection"], tile, band)
            series[key][period].append(raw * scale + offset if ok else float("nan"))

rows = []
for (pid, coll, tile, band), periods in series.items():
    ordered = sorted(periods.items(), key=lambda kv: (kv[0][1], kv[0][0]))
    comp = {}
    for p, vals in ordered:
        valid = np.array([v for v in vals if not np.isnan(v)])
        if len(valid) == 0:
            comp[p] = (float("nan"), 0)
        else:
            comp[p] = (float(np.median(valid) if spec["composite"] == "median" else np.mean(valid)), len(valid))
    with_value = [p for p, _ in ordered if not np.isnan(comp[p][0])]
    out = {}
    for p, _ in ordered:
        v, n = comp[p]
        out[p] = (v, n, False)
    if spec["interpolate"] == "linear" and len(with_value) >= 2:
        ts = np.array([p[1].timestamp() for p in with_value])
        vs = np.array([comp[p][0] for p in with_value])
        gaps = [p for p, _ in ordered if np.isnan(comp[p][0]) and with_value[0][1] < p[1] < with_value[-1][1]]
        if spec["period"] != "item":
            for a, b in zip(with_value, with_value[1:]):
                q = next_period(a)
                while q[1] < b[1]:
                    if q not in out:
                        gaps.append(q)
                    q = next_period(q)
        for q in gaps:
            out[q] = (float(np.interp(q[1].timestamp(), ts, vs)), 0, True)
    for p, (v, n, interp) in out.items():
        rows.append({"point_id": pid, "collection": coll, "tile": tile, "period": p[0], "band": band,
                     "value": None if np.isnan(v) else v, "count_valid": n, "interpolated": interp})

json.dump(rows, open(sys.argv[2], "w"))
