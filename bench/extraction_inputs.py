#!/usr/bin/python3
"""Writes random reference points and parcels over workload W's full tile, for point and pixel extraction runs.

Usage: bench/extraction_inputs.py OUTDIR [POINTS [PARCELS]]

OUTDIR/points.geojson: POINTS (default 1000) points, and OUTDIR/parcels.geojson: PARCELS (default 500) rectangles
of 60-300 m, placed uniformly (seed 7) inside the tile of ../shared/bench/make_s2_like.sh (UTM 33N, origin
399960, 5900040, 109.8 km) and written as WGS 84 longitude/latitude with GDAL's OSR. Then, for example:

  bin/stacstream run --pipeline conf/pipelines/parcels.yaml \\
    --set source.catalog=/tmp/s2bench/stacstream/catalogs/w-1/catalog.json --set output.root=/tmp/xbench/out \\
    --set 'mask.exclude=[3, 8, 9, 10]' --set assets.scale-offset=false \\
    --set extract.polygons=OUTDIR/parcels.geojson --set extract.polygon-id=null
"""
import json
import os
import sys

import numpy as np
from osgeo import osr

out = sys.argv[1]
n_points = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
n_parcels = int(sys.argv[3]) if len(sys.argv) > 3 else 500
os.makedirs(out, exist_ok=True)
utm = osr.SpatialReference()
utm.ImportFromEPSG(32633)
wgs = osr.SpatialReference()
wgs.ImportFromEPSG(4326)
wgs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
to_lonlat = osr.CoordinateTransformation(utm, wgs)
rng = np.random.default_rng(7)
x0, y0, size = 399960, 5900040, 109800

points = []
for i in range(n_points):
    lon, lat, _ = to_lonlat.TransformPoint(x0 + rng.uniform(100, size - 100), y0 - rng.uniform(100, size - 100))
    points.append({"type": "Feature", "id": f"p{i}", "geometry": {"type": "Point", "coordinates": [lon, lat]},
                   "properties": {"k": i % 5}})
with open(os.path.join(out, "points.geojson"), "w") as f:
    json.dump({"type": "FeatureCollection", "features": points}, f)

parcels = []
for i in range(n_parcels):
    cx = x0 + rng.uniform(500, size - 500)
    cy = y0 - rng.uniform(500, size - 500)
    w, h = rng.uniform(60, 300, 2)
    corners = [(-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2), (-w / 2, -h / 2)]
    ring = [list(to_lonlat.TransformPoint(cx + dx, cy + dy)[:2]) for dx, dy in corners]
    parcels.append({"type": "Feature", "id": f"f{i}", "geometry": {"type": "Polygon", "coordinates": [ring]},
                    "properties": {"crop": ["a", "b", "c"][i % 3]}})
with open(os.path.join(out, "parcels.geojson"), "w") as f:
    json.dump({"type": "FeatureCollection", "features": parcels}, f)
