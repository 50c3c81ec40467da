"""Regenerates the PROJJSON oracle files of ProjJsonTest with GDAL's osr (PROJ's own PROJJSON writer).

Run with Debian's Python, which has GDAL's bindings: /usr/bin/python3 generate.py
Recorded with GDAL 3.6.2 / PROJ 9.1 (Debian bookworm).
"""
import json
import pathlib

from osgeo import osr

CODES = [4326, 32601, 32629, 32660, 32701, 32733, 32760]

here = pathlib.Path(__file__).parent
for code in CODES:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(code)
    projjson = json.loads(srs.ExportToPROJJSON())
    (here / f"EPSG_{code}.json").write_text(json.dumps(projjson, indent=2, ensure_ascii=False) + "\n")
