#!/usr/bin/python3
"""Independent polygon pixel-extraction oracle (rasterio/GDAL + PROJ) for PixelExtractionITCase.

Usage: pixels_oracle.py SPEC.json OUT.json

SPEC: {"items": [item JSON paths], "polygons": GeoJSON path, "id_property": name or null, "bands": [asset keys],
       "mask": {"asset": "scl", "exclude": [classes]} or {"asset": "qa_pixel", "bits": [bits]} or null,
       "scale_offset": bool, "by": "item" or "day"}
OUT: a JSON list of rows {polygon_id, item_id, tile, pixel_id, x, y, <band>: value or null}.

Each polygon is projected vertex by vertex into the item's CRS (rasterio.warp.transform_geom, PROJ) and burnt
with rasterio.features.rasterize (GDAL, all_touched=False: the pixels whose centre is inside). The mask asset's
pixel is the one containing the band pixel's centre. pixel_id follows the documented packing:
epsg << 44 | (round(-y0 / sy) + row + 2^21) << 22 | (round(x0 / sx) + col + 2^21).
"""
import json
import os
import sys
from urllib.parse import unquote, urlparse

import numpy as np
import rasterio
from rasterio.features import rasterize
from rasterio.warp import transform_geom

spec = json.load(open(sys.argv[1]))
features = json.load(open(spec["polygons"]))["features"]
id_prop = spec.get("id_property")
HALF = 1 << 21


def resolve(base, href):
    if href.startswith("file:"):
        return unquote(urlparse(href).path)
    return os.path.join(base, href)


rows = []
for item_path in spec["items"]:
    item = json.load(open(item_path))
    base = os.path.dirname(item_path)
    props = item["properties"]
    tile = props.get("grid:code") or props.get("s2:mgrs_tile") or props.get("mgrs:grid_square")
    data = {}
    meta = {}
    for band in spec["bands"]:
        asset = item["assets"][band]
        with rasterio.open(resolve(base, asset["href"])) as ds:
            data[band] = ds.read(1)
            transform, crs, shape = ds.transform, ds.crs, (ds.height, ds.width)
        rb = (asset.get("raster:bands") or [{}])[0]
        meta[band] = (rb.get("nodata"), rb.get("scale", 1.0) if spec["scale_offset"] else 1.0,
                      rb.get("offset", 0.0) if spec["scale_offset"] else 0.0)
    mask = None
    if spec["mask"]:
        with rasterio.open(resolve(base, item["assets"][spec["mask"]["asset"]]["href"])) as m:
            mdata, mtransform = m.read(1), m.transform
    epsg = crs.to_epsg()
    gx0 = round(transform.c / transform.a)
    gy0 = round(-transform.f / -transform.e)
    for f in features:
        pid = str(f["properties"][id_prop] if id_prop else f["id"])
        geom = transform_geom("EPSG:4326", crs, f["geometry"])
        burnt = rasterize([(geom, 1)], out_shape=shape, transform=transform, fill=0, all_touched=False, dtype="uint8")
        for r, c in zip(*np.nonzero(burnt)):
            r, c = int(r), int(c)
            x, y = transform * (c + 0.5, r + 0.5)
            ok = True
            if spec["mask"]:
                mr, mc = (int(v) for v in rasterio.transform.rowcol(mtransform, x, y, op=np.floor))
                q = int(mdata[mr, mc])
                if "bits" in spec["mask"]:
                    ok = not any((q >> b) & 1 for b in spec["mask"]["bits"])
                else:
                    ok = q not in spec["mask"]["exclude"]
            row = {"polygon_id": pid, "item_id": item["id"], "tile": tile, "collection": item["collection"],
                   "date": props["datetime"][:10],
                   "pixel_id": (epsg << 44) | ((gy0 + r + HALF) << 22) | (gx0 + c + HALF), "x": x, "y": y}
            for band in spec["bands"]:
                nodata, scale, offset = meta[band]
                v = float(data[band][r, c])
                row[band] = v * scale + offset if ok and not (nodata is not None and v == nodata) else None
            rows.append(row)

if spec.get("by") == "day":
    # One row per (polygon, collection, pixel, UTC day): a valid observation first, then the smallest tile, then item.
    best = {}
    for row in rows:
        key = (row["polygon_id"], row["collection"], row["pixel_id"], row["date"])
        valid = any(row[b] is not None for b in spec["bands"])
        rank = (0 if valid else 1, row["tile"] is None, row["tile"] or "", row["item_id"])
        if key not in best or rank < best[key][0]:
            best[key] = (rank, row)
    rows = [r for _, r in best.values()]

json.dump(rows, open(sys.argv[2], "w"))
