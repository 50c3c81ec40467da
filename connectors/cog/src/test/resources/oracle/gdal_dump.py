"""GDAL oracle for the stacstream COG reader conformance tests.

Runs as a long-lived server so that one Python start-up (and one GDAL import) serves a whole test run.
It reads one request per line on stdin, writes its answer to files, and replies on stdout with one line:
"ok" or "err<TAB>message". Fields are tab-separated:

  describe <tiff> <out.properties>
      GDAL's view of the file: compression, nodata, and per level (0 = full resolution, k = overview k-1)
      width, height, bands, dtype, nbits, block size.
  read <tiff> <level> <col> <row> <width> <height> <out.bin> <out.properties>
      Decodes the window (col = -1 means the whole level) of every band to <out.bin>, band-sequential and
      little-endian, and its dtype/shape/nodata to <out.properties>.

Outputs are written to a temporary name and renamed, so a file that exists is complete.
GDAL is told not to look at sidecar files (.ovr, .aux.xml): the oracle must decode only the TIFF itself.
"""
import os
import sys

import numpy as np
from osgeo import gdal

gdal.UseExceptions()
gdal.SetConfigOption("GDAL_DISABLE_READDIR_ON_OPEN", "EMPTY_DIR")
gdal.SetConfigOption("GDAL_PAM_ENABLED", "NO")

NUMPY_NAMES = {
    gdal.GDT_Byte: "uint8",
    gdal.GDT_UInt16: "uint16",
    gdal.GDT_Int16: "int16",
    gdal.GDT_UInt32: "uint32",
    gdal.GDT_Int32: "int32",
    gdal.GDT_UInt64: "uint64",
    gdal.GDT_Int64: "int64",
    gdal.GDT_Float32: "float32",
    gdal.GDT_Float64: "float64",
}


def dtype_name(band):
    """numpy name of the band's samples; GDAL 3.6 has no Int8 type and flags signed bytes in metadata."""
    if band.DataType not in NUMPY_NAMES:
        raise ValueError("GDAL data type %s is not one the oracle maps" % gdal.GetDataTypeName(band.DataType))
    if band.DataType == gdal.GDT_Byte and band.GetMetadataItem("PIXELTYPE", "IMAGE_STRUCTURE") == "SIGNEDBYTE":
        return "int8"
    return NUMPY_NAMES[band.DataType]


def nbits(band):
    declared = band.GetMetadataItem("NBITS", "IMAGE_STRUCTURE")
    return int(declared) if declared else gdal.GetDataTypeSize(band.DataType)


def nodata_text(band):
    value = band.GetNoDataValue()
    if value is None:
        return None
    return repr(float(value)) if value == value else "nan"


def level_bands(ds, level):
    bands = [ds.GetRasterBand(b + 1) for b in range(ds.RasterCount)]
    if level == 0:
        return bands
    count = bands[0].GetOverviewCount()
    if level < 0 or level > count:
        raise ValueError("level %d out of range: the file has %d overview(s)" % (level, count))
    return [band.GetOverview(level - 1) for band in bands]


def write_properties(path, props):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as out:
        for key, value in props.items():
            if value is not None:
                out.write("%s=%s\n" % (key, value))
    os.replace(tmp, path)


def describe(tiff, out_props):
    ds = gdal.Open(tiff)
    first = ds.GetRasterBand(1)
    props = {
        "compression": ds.GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE") or "NONE",
        "interleave": ds.GetMetadataItem("INTERLEAVE", "IMAGE_STRUCTURE"),
        "nodata": nodata_text(first),
        "levels": first.GetOverviewCount() + 1,
    }
    for level in range(first.GetOverviewCount() + 1):
        band = level_bands(ds, level)[0]
        block_width, block_height = band.GetBlockSize()
        prefix = "level.%d." % level
        props[prefix + "width"] = band.XSize
        props[prefix + "height"] = band.YSize
        props[prefix + "bands"] = ds.RasterCount
        props[prefix + "dtype"] = dtype_name(first)
        props[prefix + "nbits"] = nbits(first)
        props[prefix + "blockWidth"] = block_width
        props[prefix + "blockHeight"] = block_height
    write_properties(out_props, props)


def read(tiff, level, col, row, width, height, out_bin, out_props):
    ds = gdal.Open(tiff)
    bands = level_bands(ds, level)
    if col < 0:
        col, row, width, height = 0, 0, bands[0].XSize, bands[0].YSize
    tmp = out_bin + ".tmp"
    with open(tmp, "wb") as out:
        for band in bands:
            samples = band.ReadAsArray(col, row, width, height)
            out.write(samples.astype(samples.dtype.newbyteorder("<"), copy=False).tobytes())
    os.replace(tmp, out_bin)
    first = ds.GetRasterBand(1)
    write_properties(out_props, {
        "dtype": dtype_name(first),
        "nbits": nbits(first),
        "bands": len(bands),
        "width": width,
        "height": height,
        "nodata": nodata_text(first),
    })


def handle(fields):
    command = fields[0]
    if command == "describe" and len(fields) == 3:
        describe(fields[1], fields[2])
    elif command == "read" and len(fields) == 9:
        read(fields[1], *(int(f) for f in fields[2:7]), fields[7], fields[8])
    else:
        raise ValueError("unknown request %r" % "\t".join(fields))


def main():
    for line in sys.stdin:
        fields = line.rstrip("\n").split("\t")
        try:
            handle(fields)
            reply = "ok"
        except Exception as e:  # reported to the Java side, which fails the test with it
            reply = "err\t" + ("%s: %s" % (type(e).__name__, e)).replace("\n", " ").replace("\t", " ")
        sys.stdout.write(reply + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
