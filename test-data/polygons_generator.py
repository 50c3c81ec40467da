#!/usr/bin/python3
"""Writes test-data/polygons/parcels.geojson: reference polygons for pixel extraction over the synthetic catalog.

Usage: /usr/bin/python3 polygons_generator.py OUTFILE

Twelve parcels placed in UTM zone 33N (EPSG:32633) and written as WGS 84 longitude/latitude (GeoJSON, RFC 7946),
converted vertex by vertex with GDAL's OSR (PROJ), as GDAL's rasterize does too:
  * rectangles and rotated quadrilaterals of 50-400 m inside the 33UVU crop (x 498780-509760,
    y 5889060-5900040), some straddling the 256-pixel tiles of the COGs (x 501340, 503900, ...), so that their
    pixels come from several work windows;
  * a parcel with a hole (a farmyard), a MultiPolygon of two fields, a thin strip 15 m wide;
  * a parcel in the overlap with 33UWU (x >= 499980), one east of 33UVU in 33UWU only, and one north of every crop.
Vertices are off the 10 m pixel grid by a pseudo-random fraction (seed 20230602), so no pixel centre lies on an
edge. Properties: parcel_id (the id), crop (string), area_ha (number), organic (boolean).
Deterministic: same file on every run.
"""
import json
import math
import sys

import numpy as np
from osgeo import osr

OUT = sys.argv[1]
rng = np.random.default_rng(20230602)
utm = osr.SpatialReference()
utm.ImportFromEPSG(32633)
wgs84 = osr.SpatialReference()
wgs84.ImportFromEPSG(4326)
wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
to_lonlat = osr.CoordinateTransformation(utm, wgs84)


def jitter(v):
    return v + rng.uniform(1.3, 3.7)


def ring(points):
    pts = [to_lonlat.TransformPoint(jitter(x), jitter(y))[:2] for x, y in points]
    pts.append(pts[0])
    return [[round(lon, 10), round(lat, 10)] for lon, lat in pts]


def rect(x, y, w, h):
    return [(x, y), (x + w, y), (x + w, y - h), (x, y - h)]


def rotated(cx, cy, w, h, angle):
    a = math.radians(angle)
    corners = [(-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)]
    return [(cx + u * math.cos(a) - v * math.sin(a), cy + u * math.sin(a) + v * math.cos(a)) for u, v in corners]


parcels = [
    ("P01", "wheat", True, [[rect(500600, 5899000, 300, 200)]]),
    ("P02", "maize", False, [[rotated(502000, 5897000, 380, 160, 27)]]),
    # Straddles the tile edge at x 501340 (256 px from 498780) and y 5897480.
    ("P03", "grassland", False, [[rect(501200, 5897600, 300, 250)]]),
    ("P04", "potato", True, [[rect(504000, 5893000, 350, 300), rect(504120, 5892880, 90, 60)]]),
    ("P05", "barley", False, [[rect(506000, 5895000, 120, 100)], [rect(506300, 5894900, 80, 150)]]),
    ("P06", "wheat", False, [[rect(507000, 5891000, 400, 15)]]),
    ("P07", "maize", True, [[rotated(503900, 5895000, 260, 260, 45)]]),
    ("P08", "grassland", False, [[rect(508500, 5898500, 200, 180)]]),
    ("P09", "potato", False, [[rotated(499400, 5890500, 240, 120, -15)]]),
    # In the 33UWU crop only (east of 33UVU's x 509760).
    ("P10", "barley", True, [[rect(510000, 5896000, 300, 200)]]),
    # North of every crop: no item covers it.
    ("P11", "wheat", False, [[rect(503000, 5903000, 200, 200)]]),
    ("P12", "maize", False, [[rect(505500, 5889400, 150, 120)]]),
]
features = []
for pid, crop, organic, polygons in parcels:
    coords = [[ring(r) for r in poly] for poly in polygons]
    area = sum(abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(r, r[1:] + r[:1]))) / 2 * (1 if i == 0 else -1)
               for poly in polygons for i, r in enumerate(poly))
    geometry = {"type": "Polygon", "coordinates": coords[0]} if len(coords) == 1 else {
        "type": "MultiPolygon", "coordinates": coords}
    features.append({"type": "Feature", "geometry": geometry,
                     "properties": {"parcel_id": pid, "crop": crop, "area_ha": round(area / 1e4, 3),
                                    "organic": organic}})

with open(OUT, "w") as f:
    json.dump({"type": "FeatureCollection", "features": features}, f, indent=1)
    f.write("\n")
