"""Reads kerchunk references the way a user would, and compares every array with GDAL's decode of the TIFF.

Usage: python3 read_references.py REFS.json CHECKS.json
CHECKS.json: [{"group": "B04", "level": 0, "tiff": "/path/B04.tif"}, ...] for per-file/per-item manifests, or
[{"stack": "red", "time": 0, "tiff": "/path/B02.tif"}, ...] for a time stack (the array at the root).
Prints one JSON object: {"checks": [{..., "shape": [...], "zarr_equal": bool, "xarray_equal": bool}], ...}.

Two clients read the references: zarr 2 through fsspec's ReferenceFileSystem, and xarray's zarr engine on a
"reference://" URL (the pattern of kerchunk.combine), with mask_and_scale off so raw stored values are compared.
Checks marked "absent_chunks" (sparse TIFF tiles, whose keys are omitted) read through PerKeyStore, see there.
"""
import collections.abc
import json
import sys

import fsspec
import numpy as np
import xarray as xr
import zarr
from osgeo import gdal


def gdal_level(path, level):
    """GDAL's decode of one level as (bands, rows, cols)."""
    ds = gdal.Open(path)
    bands = []
    for b in range(ds.RasterCount):
        band = ds.GetRasterBand(b + 1)
        if level > 0:
            band = band.GetOverview(level - 1)
        bands.append(band.ReadAsArray())
    return np.stack(bands)


def as_band_rows_cols(array, dims):
    """A zarr/xarray array with dimension names dims as (bands, rows, cols)."""
    if array.ndim == 2:
        return array[np.newaxis]
    if dims[-1].startswith("band"):
        return np.moveaxis(array, -1, 0)
    return array


def same(a, b):
    return a.shape == b.shape and bool(np.array_equal(a, b, equal_nan=a.dtype.kind == "f"))


class PerKeyStore(collections.abc.MutableMapping):
    """The references as a read-only mapping that zarr reads key by key.

    Debian bookworm's fsspec 2022.11 ReferenceFileSystem.cat raises KeyError for an absent chunk key even with
    on_error="omit", so zarr's FSStore cannot read an array with omitted (sparse) chunks; zarr given a plain mapping
    takes a KeyError as "absent" and fills the chunk with fill_value, as the kerchunk spec says readers must.
    """

    def __init__(self, fs):
        self.fs = fs

    def __getitem__(self, key):
        if key not in self.fs.references:
            raise KeyError(key)
        return self.fs.cat_file(key)

    def __contains__(self, key):
        return key in self.fs.references

    def __iter__(self):
        return iter(self.fs.references)

    def __len__(self):
        return len(self.fs.references)

    def __setitem__(self, key, value):
        raise PermissionError("read-only references")

    def __delitem__(self, key):
        raise PermissionError("read-only references")


def open_xarray(refs_path, group, per_key_store):
    if per_key_store is not None:
        return xr.open_dataset(per_key_store, engine="zarr", group=group, mask_and_scale=False,
                               backend_kwargs={"consolidated": False})
    return xr.open_dataset("reference://", engine="zarr", group=group, mask_and_scale=False,
                           backend_kwargs={"consolidated": False,
                                           "storage_options": {"fo": refs_path, "remote_protocol": "file"}})


def main():
    refs_path, checks_path = sys.argv[1], sys.argv[2]
    with open(checks_path) as f:
        checks = json.load(f)
    fs = fsspec.filesystem("reference", fo=refs_path, remote_protocol="file")
    per_key = PerKeyStore(fs)
    out = []
    opened = {}
    for check in checks:
        expected = gdal_level(check["tiff"], check.get("level", 0))
        sparse = check.get("absent_chunks", False)
        root = zarr.open_group(per_key if sparse else fs.get_mapper(""), mode="r")
        result = dict(check)
        if "stack" in check:
            name, t = check["stack"], check["time"]
            z = root[name]
            dims = z.attrs["_ARRAY_DIMENSIONS"][1:]
            zarr_values = as_band_rows_cols(z[t], dims)
            key = ("", sparse)
            if key not in opened:
                opened[key] = open_xarray(refs_path, None, per_key if sparse else None)
            ds = opened[key]
            x_values = as_band_rows_cols(ds[name].isel(time=t).values, dims)
            result.update({"datetime": str(ds["time"].values[t]), "item_id": str(ds["item_id"].values[t]),
                           "scale": float(ds["scale"].values[t]), "offset": float(ds["offset"].values[t]),
                           "time_dtype": str(ds["time"].dtype)})
        else:
            group, level = check["group"], str(check["level"])
            z = root[group][level]
            dims = z.attrs["_ARRAY_DIMENSIONS"]
            zarr_values = as_band_rows_cols(z[...], dims)
            key = (group, sparse)
            if key not in opened:
                opened[key] = open_xarray(refs_path, group, per_key if sparse else None)
            x_values = as_band_rows_cols(opened[key][level].values, dims)
        result.update({
            "shape": list(expected.shape),
            "dtype": z.dtype.str,
            "zarr_equal": same(zarr_values, expected),
            "xarray_equal": same(x_values, expected),
            "nonzero": int(np.count_nonzero(expected)),
        })
        out.append(result)
    print(json.dumps({"checks": out, "zarr": zarr.__version__, "fsspec": fsspec.__version__}))


if __name__ == "__main__":
    main()
