#!/usr/bin/python3
"""Writes stacstream's test catalog: Sentinel-2 L2A-like and Landsat C2 L2-like COGs with their STAC items.

usage: /usr/bin/python3 generate.py OUTDIR      (OUTDIR must not exist or be empty; test-data/generate.sh passes
                                                 test-data/catalog)

Deterministic: fixed seeds, no clocks; GDAL writes the COGs with `gdal_translate -of COG`, so the same GDAL and
numpy versions give byte-identical files. Needs Debian's /usr/bin/python3 (numpy, osgeo.gdal) and GDAL >= 3.6 on
PATH. See test-data/README.md for what the files are.
"""
import json
import os
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True      # keep the sibling modules' __pycache__ out of the repository

import numpy as np                  # noqa: E402
from osgeo import gdal, osr         # noqa: E402

import landsat                      # noqa: E402
import sentinel2 as s2              # noqa: E402
import stac                         # noqa: E402

SEED = 20230612
COMMON = ["-co", "COMPRESS=DEFLATE", "-co", "LEVEL=9", "-co", "BLOCKSIZE=256", "-co", "OVERVIEWS=AUTO"]
# UInt16 reflectance: horizontal differencing (TIFF predictor 2) and averaged overviews, as on Earth Search.
REFLECTANCE = COMMON + ["-co", "PREDICTOR=STANDARD", "-co", "OVERVIEW_RESAMPLING=AVERAGE"]
# Class and bit-field layers: overviews must pick a real value, never an average of codes.
CLASSES = COMMON + ["-co", "PREDICTOR=NO", "-co", "OVERVIEW_RESAMPLING=NEAREST"]
BITFIELD = COMMON + ["-co", "PREDICTOR=STANDARD", "-co", "OVERVIEW_RESAMPLING=NEAREST"]
GDAL_TYPES = {np.dtype(np.uint8): gdal.GDT_Byte, np.dtype(np.uint16): gdal.GDT_UInt16}


def write_cog(path, array, west, top, pixel, nodata, options):
    with tempfile.TemporaryDirectory() as tmp:
        raw = os.path.join(tmp, "raw.tif")
        rows, cols = array.shape
        ds = gdal.GetDriverByName("GTiff").Create(raw, cols, rows, 1, GDAL_TYPES[array.dtype])
        ds.SetGeoTransform((west, pixel, 0.0, top, 0.0, -pixel))
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(s2.EPSG)
        ds.SetProjection(srs.ExportToWkt())
        band = ds.GetRasterBand(1)
        band.SetNoDataValue(nodata)
        band.WriteArray(array)
        ds = None
        subprocess.run(["gdal_translate", "-q", "-of", "COG", *options, raw, path], check=True)


def write_json(path, document):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(document, f, indent=2, ensure_ascii=False)
        f.write("\n")


def sentinel2_items(root):
    rng = np.random.default_rng((SEED, 2))
    ground = s2.land(rng)
    items = []
    for acq in s2.ACQUISITIONS:
        scene = s2.scene(rng, ground, acq)
        for tile, datetime in acq.tiles:
            item_id = "%s_%s_%s_0_L2A" % ("S2A" if acq.platform == "sentinel-2a" else "S2B", tile, acq.date)
            folder = os.path.join(root, "sentinel-2-l2a", item_id)
            os.makedirs(folder)
            red, nir, scl = s2.crop(scene, tile)
            west = s2.crop_west(tile)
            write_cog(os.path.join(folder, "B04.tif"), red, west, s2.TOP, s2.PIXEL_10M, s2.NODATA, REFLECTANCE)
            write_cog(os.path.join(folder, "B08.tif"), nir, west, s2.TOP, s2.PIXEL_10M, s2.NODATA, REFLECTANCE)
            write_cog(os.path.join(folder, "SCL.tif"), scl, west, s2.TOP, s2.PIXEL_20M, s2.NO_DATA, CLASSES)
            footprint = stac.Footprint(s2.EPSG, west, s2.TOP, s2.PIXEL_10M, s2.CROP, s2.CROP,
                                       s2.nodata_edges(acq, tile))
            created = datetime[:10] + "T15:31:07.000Z"
            item = stac.sentinel2_item(item_id, acq, tile, datetime, west, s2.TOP, s2.CROP, scl, footprint,
                                       created)
            write_json(os.path.join(folder, item_id + ".json"), item)
            items.append(item)
            report(item_id, {"SCL": scl})
    return items


def landsat_items(root):
    rng = np.random.default_rng((SEED, 8))
    scene = landsat.scene(rng)
    item_id = "LC09_L2SP_192023_20230614_02_T1"
    product_id = "LC09_L2SP_192023_20230614_20230616_02_T1"
    folder = os.path.join(root, "landsat-c2-l2", item_id)
    os.makedirs(folder)
    for suffix, array, nodata, options in (("SR_B4", scene.red, landsat.SR_NODATA, REFLECTANCE),
                                           ("SR_B5", scene.nir08, landsat.SR_NODATA, REFLECTANCE),
                                           ("QA_PIXEL", scene.qa_pixel, landsat.QA_NODATA, BITFIELD)):
        write_cog(os.path.join(folder, product_id + "_" + suffix + ".TIF"), array, landsat.WEST, landsat.TOP,
                  landsat.PIXEL, nodata, options)
    footprint = stac.Footprint(landsat.EPSG, landsat.WEST, landsat.TOP, landsat.PIXEL, landsat.COLS, landsat.ROWS,
                               landsat.FILL_EDGES)
    item = stac.landsat_item(item_id, product_id, "2023-06-14T09:52:37.449212Z", "2023-06-17T04:12:51.302Z",
                             landsat.WEST, landsat.TOP, landsat.ROWS, landsat.COLS, scene.qa_pixel, footprint)
    write_json(os.path.join(folder, item_id + ".json"), item)
    report(item_id, {"QA_PIXEL": scene.qa_pixel})
    return [item]


def report(item_id, layers):
    for name, layer in layers.items():
        values, counts = np.unique(layer, return_counts=True)
        shares = ", ".join("%d: %.3f" % (v, c / layer.size) for v, c in zip(values, counts))
        print("%s %s {%s}" % (item_id, name, shares))


def main(root):
    if os.path.exists(root) and os.listdir(root):
        sys.exit("generate.py: %s is not empty; remove it first (test-data/generate.sh does)" % root)
    os.makedirs(root, exist_ok=True)
    s2_items = sentinel2_items(root)
    landsat_items_ = landsat_items(root)
    write_json(os.path.join(root, "sentinel-2-l2a", "collection.json"), stac.collection(
        "sentinel-2-l2a", "Sentinel-2 Level-2A (synthetic)",
        "Sentinel-2 L2A-like crops of MGRS tiles 33UVU and 33UWU: red (B04) and nir (B08) at 10 m, SCL at 20 m.",
        s2_items))
    write_json(os.path.join(root, "landsat-c2-l2", "collection.json"), stac.collection(
        "landsat-c2-l2", "Landsat Collection 2 Level-2 (synthetic)",
        "A Landsat 9 C2 L2-like scene corner: red (SR_B4) and nir08 (SR_B5) at 30 m, QA_PIXEL.", landsat_items_))
    write_json(os.path.join(root, "catalog.json"), stac.catalog(["sentinel-2-l2a", "landsat-c2-l2"]))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
