#!/usr/bin/python3
"""Oracle for the SCL dilation rule (FORMATS.md section 6), whole image, scipy/numpy.

usage: scl_dilation_oracle.py SCL.tif PARAMS.json OUT_PREFIX

PARAMS.json: {"mask1": [...], "mask2": [...], "kernel1": int, "kernel2": int, "erosion": int,
              "nodata": number|null}

The SCL is padded with nodata beyond the image (nodata and outside count as 1 in binaryMask1 and 0 in
binaryMask2). Each binary mask is eroded with a centred filled circle of radius erosion // 2 (when
erosion > 0 and its kernel is enabled), convolved by FFT (scipy.signal.fftconvolve) with the 2-D Gaussian
exp(-(dx^2 + dy^2) / (2 sigma^2)), sigma = size / 6, normalised to sum 1, and thresholded: > 0.057 for
mask 1, > 0.025 for mask 2. A disabled kernel (size <= 0) uses its binary mask as it is.

Writes OUT_PREFIX.mask.u8 (1 = masked, H x W), OUT_PREFIX.conv1.f64 and OUT_PREFIX.conv2.f64 (the
convolutions, little-endian float64, NaN when that kernel is disabled). stdout: {"shape": [H, W]}.
"""
import json
import sys

import numpy as np
from osgeo import gdal
from scipy import ndimage, signal

gdal.UseExceptions()

THRESHOLD1 = 0.057
THRESHOLD2 = 0.025


def gaussian2d(size):
    d = np.arange(size) - size // 2
    sigma = size / 6.0
    r2 = d[:, None] ** 2 + d[None, :] ** 2
    k = np.exp(-r2 / (2.0 * sigma * sigma))
    return k / k.sum()


def circle(radius):
    d = np.arange(-radius, radius + 1)
    return (d[:, None] ** 2 + d[None, :] ** 2) <= radius * radius


def main():
    ds = gdal.Open(sys.argv[1])  # keep the dataset alive while its band is read
    scl = ds.GetRasterBand(1).ReadAsArray().astype(np.int64)
    p = json.load(open(sys.argv[2]))
    prefix = sys.argv[3]
    h, w = scl.shape
    radius = p["erosion"] // 2 if p["erosion"] > 0 else 0
    halo = max([k // 2 + radius for k in (p["kernel1"], p["kernel2"]) if k > 0] + [0])
    pad = halo + radius + 1
    nodata_value = p["nodata"] if p["nodata"] is not None else -1
    padded = np.full((h + 2 * pad, w + 2 * pad), nodata_value, dtype=np.int64)
    padded[pad:pad + h, pad:pad + w] = scl
    is_nodata = padded == nodata_value
    b1 = np.where(is_nodata, 1, np.where(np.isin(padded, p["mask1"]), 0, 1)).astype(np.uint8)
    b2 = np.where(is_nodata, 0, np.where(np.isin(padded, p["mask2"]), 1, 0)).astype(np.uint8)
    masked = np.zeros((h, w), dtype=bool)
    convs = []
    for b, size, threshold in ((b1, p["kernel1"], THRESHOLD1), (b2, p["kernel2"], THRESHOLD2)):
        if size <= 0:
            masked |= b[pad:pad + h, pad:pad + w] != 0
            convs.append(np.full((h, w), np.nan))
            continue
        src = b.astype(bool)
        if radius > 0:
            src = ndimage.binary_erosion(src, structure=circle(radius), border_value=1)
        conv = signal.fftconvolve(src.astype(np.float64), gaussian2d(size), mode="same")[pad:pad + h, pad:pad + w]
        masked |= conv > threshold
        convs.append(conv)
    masked.astype(np.uint8).tofile(prefix + ".mask.u8")
    convs[0].astype("<f8").tofile(prefix + ".conv1.f64")
    convs[1].astype("<f8").tofile(prefix + ".conv2.f64")
    print(json.dumps({"shape": [h, w]}))


if __name__ == "__main__":
    main()
