#!/usr/bin/python3
"""Writes test-data/points/points.geojson: reference points for point extraction over the synthetic catalog.

Usage: /usr/bin/python3 points_generator.py OUTFILE

40 points, placed on a fixed pseudo-random pattern (seed 20230601) in UTM zone 33N and written as WGS 84
longitude/latitude (GeoJSON, RFC 7946), converted with GDAL's OSR (PROJ):
  * 30 inside the Sentinel-2 crop of 33UVU (x 498780-509760, y 5889060-5900040), of which those with x >= 499980
    also lie in the 33UWU crop (x 499980-510960), where the 2023-06-12 datatake is seen twice;
  * 6 in the part of 33UWU east of the 33UVU crop (x 509760-510960);
  * 4 outside every item (north of the crops), which no row may mention.
Properties imitate a crop-type reference set (openEO GFMap's DEMO_CROPTYPE): sample_id (the id, a string),
crop (string), parcel (integer), weight (double), irrigated (boolean, null on some points), valid_date (string).
Deterministic: same file on every run.
"""
import json
import sys

import numpy as np
from osgeo import osr

OUT = sys.argv[1]
rng = np.random.default_rng(20230601)

utm = osr.SpatialReference()
utm.ImportFromEPSG(32633)
wgs84 = osr.SpatialReference()
wgs84.ImportFromEPSG(4326)
wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
to_lonlat = osr.CoordinateTransformation(utm, wgs84)

boxes = [
    (30, (498780 + 5, 509760 - 5), (5889060 + 5, 5900040 - 5)),
    (6, (509760 + 5, 510960 - 5), (5889060 + 5, 5900040 - 5)),
    (4, (498780, 510960), (5900040 + 500, 5905000)),
]
crops = ["wheat", "maize", "grassland", "potato", "barley"]
features = []
n = 0
for count, (x0, x1), (y0, y1) in boxes:
    for _ in range(count):
        n += 1
        # Off the pixel grid's edges: a point 0.25-0.75 of a 10 m pixel in from its corner.
        x = float(np.floor(rng.uniform(x0, x1) / 10) * 10 + rng.uniform(2.5, 7.5))
        y = float(np.floor(rng.uniform(y0, y1) / 10) * 10 + rng.uniform(2.5, 7.5))
        lon, lat, _ = to_lonlat.TransformPoint(x, y)
        irrigated = None if n % 7 == 0 else bool(n % 3 == 0)
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [round(lon, 9), round(lat, 9)]},
            "properties": {
                "sample_id": f"pt-{n:03d}",
                "crop": crops[int(rng.integers(0, len(crops)))],
                "parcel": int(rng.integers(1000, 9999)),
                "weight": round(float(rng.uniform(0.5, 2.0)), 3),
                "irrigated": irrigated,
                "valid_date": "2023-06-15",
            },
        })

with open(OUT, "w") as f:
    json.dump({"type": "FeatureCollection", "features": features}, f, indent=1)
    f.write("\n")
