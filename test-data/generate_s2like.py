"""Writes a 1000x1000 Sentinel-2-like UInt16 band (L2A DN: reflectance * 1e4 + 1000) with a nodata wedge.

Usage: /usr/bin/python3 generate_s2like.py OUTDIR  -> OUTDIR/b04.tif (plain GeoTIFF, UTM 29N, 10 m).
"""
import sys

import numpy as np
from osgeo import gdal, osr

SIZE = 1000
SEED = 20261121
NODATA = 0

def main(outdir):
    rng = np.random.default_rng(SEED)
    y, x = np.mgrid[0:SIZE, 0:SIZE].astype(np.float64)
    field = 1800 + 600 * np.sin(x / 97.0) * np.cos(y / 131.0) + 300 * np.sin((x + y) / 23.0)
    parcels = 400 * ((x // 83 + y // 61) % 3)
    noise = rng.normal(0, 40, (SIZE, SIZE))
    band = np.clip(field + parcels + noise + 1000, 1, 65535).astype(np.uint16)
    band[(x - y) > 700] = NODATA  # a swath-edge wedge of nodata, as in real tiles
    drv = gdal.GetDriverByName("GTiff")
    ds = drv.Create(f"{outdir}/b04.tif", SIZE, SIZE, 1, gdal.GDT_UInt16)
    ds.SetGeoTransform((300000.0, 10.0, 0.0, 3100020.0, 0.0, -10.0))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32629)
    ds.SetProjection(srs.ExportToWkt())
    b = ds.GetRasterBand(1)
    b.SetNoDataValue(NODATA)
    b.SetScale(0.0001)
    b.SetOffset(-0.1)
    b.WriteArray(band)
    ds = None

if __name__ == "__main__":
    main(sys.argv[1])
