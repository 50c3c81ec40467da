#!/usr/bin/python3
"""Write a static STAC catalog for workload W: N Sentinel-2 L2A-like items over one set of full-tile COGs.

usage: w_catalog.py TILEDIR OUTDIR N [--first-date 2023-06-01]

TILEDIR holds B04.tif, B08.tif and SCL.tif (../shared/bench/make_s2_like.sh: a 10980 x 10980 UInt16
tile with a 5490 x 5490 SCL, UTM 33N). OUTDIR is replaced by

    OUTDIR/catalog.json
    OUTDIR/sentinel-2-l2a/collection.json
    OUTDIR/sentinel-2-l2a/<item id>/<item id>.json + B04.tif, B08.tif, SCL.tif (symbolic links into TILEDIR)

Every item is one more acquisition of the same tile: distinct ids and datetimes on consecutive days (so
`aggregate.period: day` keeps each item in its own period) and the same pixels. The links keep the bytes in
one place, so every item reads the same page-cached files, as the peers do. Items follow Earth Search v1:
assets `red` (B04), `nir` (B08), `scl` (SCL) with `eo:bands`, `raster:bands` (nodata 0, scale/offset for the
bands; W turns scale-offset off in bench/w.yaml), per-asset `proj:shape` / `proj:transform`, item `proj:epsg`,
the MGRS tile, and relative links.
"""
import datetime as dt
import json
import os
import shutil
import sys

from osgeo import gdal, osr

STAC_VERSION = "1.0.0"
COG_TYPE = "image/tiff; application=geotiff; profile=cloud-optimized"
EXT = "https://stac-extensions.github.io/"
EXTENSIONS = [EXT + "eo/v1.1.0/schema.json", EXT + "raster/v1.1.0/schema.json",
              EXT + "projection/v1.1.0/schema.json", EXT + "mgrs/v1.0.0/schema.json",
              EXT + "grid/v1.0.0/schema.json"]
COLLECTION = "sentinel-2-l2a"
MGRS_ZONE, MGRS_BAND, MGRS_SQUARE = 33, "U", "UU"    # make_s2_like.sh places the tile at x 399960, UTM 33N
ACQUISITION_TIME = dt.time(10, 16, 21, 337000)      # a typical S2 overpass time over central Europe, UTC
COORDINATE_DECIMALS = 8
# (asset key, file, title, eo:bands entry or None, raster:bands entry)
ASSETS = [
    ("red", "B04.tif", "Red (band 4) - 10m",
     {"name": "red", "common_name": "red", "description": "Red (band 4)", "center_wavelength": 0.665,
      "full_width_half_max": 0.038},
     {"nodata": 0, "data_type": "uint16", "bits_per_sample": 15, "spatial_resolution": 10,
      "scale": 0.0001, "offset": -0.1}),
    ("nir", "B08.tif", "NIR 1 (band 8) - 10m",
     {"name": "nir", "common_name": "nir", "description": "NIR 1 (band 8)", "center_wavelength": 0.842,
      "full_width_half_max": 0.145},
     {"nodata": 0, "data_type": "uint16", "bits_per_sample": 15, "spatial_resolution": 10,
      "scale": 0.0001, "offset": -0.1}),
    ("scl", "SCL.tif", "Scene classification map (SCL)", None,
     {"nodata": 0, "data_type": "uint8", "spatial_resolution": 20}),
]


def raster_grid(path):
    """(epsg, shape [rows, cols], proj:transform) of a GeoTIFF, read with GDAL."""
    ds = gdal.Open(path)
    if ds is None:
        sys.exit(f"w_catalog.py: cannot open {path}")
    srs = osr.SpatialReference(wkt=ds.GetProjection())
    srs.AutoIdentifyEPSG()
    epsg = int(srs.GetAuthorityCode(None))
    x0, dx, rx, y0, ry, dy = ds.GetGeoTransform()
    return epsg, [ds.RasterYSize, ds.RasterXSize], [dx, rx, x0, ry, dy, y0]


def footprint(epsg, shape, transform):
    """The raster's rectangle as a WGS 84 GeoJSON ring (counterclockwise) and its bbox."""
    utm = osr.SpatialReference()
    utm.ImportFromEPSG(epsg)
    wgs84 = osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    to_wgs84 = osr.CoordinateTransformation(utm, wgs84)
    rows, cols = shape
    dx, _, x0, _, dy, y0 = transform
    corners = [(0, rows), (cols, rows), (cols, 0), (0, 0)]     # SW, SE, NE, NW: counterclockwise
    ring = []
    for col, row in corners:
        lon, lat = to_wgs84.TransformPoint(x0 + col * dx, y0 + row * dy)[:2]
        ring.append([round(lon, COORDINATE_DECIMALS), round(lat, COORDINATE_DECIMALS)])
    ring.append(ring[0])
    lons = [p[0] for p in ring]
    lats = [p[1] for p in ring]
    return ring, [min(lons), min(lats), max(lons), max(lats)]


def item(item_id, when, epsg, ring, bbox, grids):
    assets = {}
    for key, file, title, eo_band, raster_band in ASSETS:
        _, shape, transform = grids[file]
        asset = {"href": "./" + file, "type": COG_TYPE, "title": title}
        if eo_band is not None:
            asset["eo:bands"] = [eo_band]
        asset.update({"gsd": raster_band["spatial_resolution"], "proj:shape": shape, "proj:transform": transform,
                      "raster:bands": [raster_band], "roles": ["data"]})
        assets[key] = asset
    stamp = iso(when)
    return {
        "type": "Feature", "stac_version": STAC_VERSION, "stac_extensions": EXTENSIONS,
        "id": item_id, "collection": COLLECTION, "bbox": bbox,
        "geometry": {"type": "Polygon", "coordinates": [ring]},
        "properties": {
            "datetime": stamp, "created": stamp, "updated": stamp,
            "platform": "sentinel-2a", "constellation": "sentinel-2", "instruments": ["msi"],
            "proj:epsg": epsg, "mgrs:utm_zone": MGRS_ZONE, "mgrs:latitude_band": MGRS_BAND,
            "mgrs:grid_square": MGRS_SQUARE, "grid:code": f"MGRS-{MGRS_ZONE}{MGRS_BAND}{MGRS_SQUARE}",
            "s2:processing_baseline": "05.09", "earthsearch:boa_offset_applied": False,
        },
        "links": [{"rel": "root", "href": "../../catalog.json", "type": "application/json"},
                  {"rel": "parent", "href": "../collection.json", "type": "application/json"},
                  {"rel": "collection", "href": "../collection.json", "type": "application/json"}],
        "assets": assets,
    }


def iso(when):
    """An RFC 3339 UTC timestamp with milliseconds, as Earth Search writes them."""
    return when.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def write_json(path, doc):
    with open(path, "w") as f:
        json.dump(doc, f, indent=2)
        f.write("\n")


def main():
    args = sys.argv[1:]
    first = dt.date(2023, 6, 1)
    if "--first-date" in args:
        i = args.index("--first-date")
        first = dt.date.fromisoformat(args[i + 1])
        del args[i:i + 2]
    if len(args) != 3:
        sys.exit(__doc__)
    tiledir, outdir, n = os.path.abspath(args[0]), args[1], int(args[2])
    if n < 1:
        sys.exit(f"w_catalog.py: N must be at least 1, got {n}")
    grids = {file: raster_grid(os.path.join(tiledir, file)) for _, file, _, _, _ in ASSETS}
    epsg, shape, transform = grids["B04.tif"]
    ring, bbox = footprint(epsg, shape, transform)

    if os.path.isdir(outdir):
        shutil.rmtree(outdir)
    coll_dir = os.path.join(outdir, COLLECTION)
    os.makedirs(coll_dir)
    links = []
    dates = []
    for k in range(n):
        day = first + dt.timedelta(days=k)
        when = dt.datetime.combine(day, ACQUISITION_TIME, tzinfo=dt.timezone.utc)
        item_id = f"S2A_{MGRS_ZONE}{MGRS_BAND}{MGRS_SQUARE}_{day:%Y%m%d}_0_L2A"
        item_dir = os.path.join(coll_dir, item_id)
        os.makedirs(item_dir)
        for _, file, _, _, _ in ASSETS:
            os.symlink(os.path.join(tiledir, file), os.path.join(item_dir, file))
        write_json(os.path.join(item_dir, item_id + ".json"), item(item_id, when, epsg, ring, bbox, grids))
        links.append({"rel": "item", "href": f"./{item_id}/{item_id}.json", "type": "application/geo+json"})
        dates.append(iso(when))

    write_json(os.path.join(coll_dir, "collection.json"), {
        "type": "Collection", "stac_version": STAC_VERSION, "id": COLLECTION,
        "title": "Sentinel-2 L2A-like (synthetic, workload W)",
        "description": f"{n} acquisitions of one synthetic full tile from {tiledir} (stacstream bench/w_catalog.py).",
        "license": "Apache-2.0",
        "extent": {"spatial": {"bbox": [bbox]}, "temporal": {"interval": [[dates[0], dates[-1]]]}},
        "links": [{"rel": "root", "href": "../catalog.json", "type": "application/json"},
                  {"rel": "parent", "href": "../catalog.json", "type": "application/json"}] + links,
    })
    write_json(os.path.join(outdir, "catalog.json"), {
        "type": "Catalog", "stac_version": STAC_VERSION, "id": "stacstream-bench-w",
        "description": "Workload W benchmark catalog (stacstream bench/w_catalog.py); synthetic, not real imagery.",
        "links": [{"rel": "root", "href": "./catalog.json", "type": "application/json"},
                  {"rel": "child", "href": f"./{COLLECTION}/collection.json", "type": "application/json"}],
    })
    print(f"{os.path.join(outdir, 'catalog.json')}: {n} item(s), {dates[0]} .. {dates[-1]}")


if __name__ == "__main__":
    main()
