"""A Landsat 8/9 Collection 2 Level-2-like scene: SR_B4 (red), SR_B5 (nir08) and QA_PIXEL at 30 m.

The raster is the north-east corner of a WRS-2 scene: the scene's east and north edges cross it at the tilt of
the descending path, and outside them every pixel is fill (QA_PIXEL bit 0, surface reflectance 0), as in real
C2 products. QA_PIXEL values follow the C2 bit layout (FORMATS.md "Mask layers"), e.g. 21824 clear land,
21952 clear water, 22280 high-confidence cloud, 23888 cloud shadow, 54596 cirrus, 21762 dilated cloud.
"""
import math
from dataclasses import dataclass

import numpy as np

import fields

EPSG = 32633
PIXEL = 30.0
COLS, ROWS = 640, 600
WEST, TOP = 495015.0, 5903985.0    # on the Landsat grid: pixel corners at odd multiples of 15 m
SCALE, OFFSET = 2.75e-05, -0.2     # C2 L2 surface reflectance: reflectance = DN * scale + offset
SR_NODATA = 0
QA_NODATA = 1                      # the fill bit alone

# QA_PIXEL bits and confidence fields
FILL, DILATED_CLOUD, CIRRUS, CLOUD, CLOUD_SHADOW, SNOW, CLEAR, WATER = (1 << b for b in range(8))
CLOUD_CONF, SHADOW_CONF, SNOW_CONF, CIRRUS_CONF = 8, 10, 12, 14       # low bit of each 2-bit field
LOW, MEDIUM, HIGH = 1, 2, 3

# The descending path runs ~13 degrees west of south here, so the scene edges are tilted by that angle: the east
# edge leaves the top row at column 570, the north edge enters it at column 300. Fill where a*col + b*row > c.
TILT = math.tan(math.radians(13.0))
FILL_EDGES = ((1.0, TILT, COLS - 70.0), (TILT, -1.0, 300.0 * TILT))
SHADOW_SHIFT = (-22, -10)          # 660 m north, 300 m west of the clouds
DILATION_PX = 3                    # C2 dilates clouds by about 3 pixels


@dataclass(frozen=True)
class Scene:
    red: np.ndarray                # uint16 DN
    nir08: np.ndarray              # uint16 DN
    qa_pixel: np.ndarray           # uint16 bit field


def confidence(field, level):
    return level << field


def scene(rng):
    shape = (ROWS, COLS)
    vegetation = fields.fractal(rng, shape, 90, octaves=2)
    parcels = fields.parcels(rng, shape, 14, 18, 1.0)
    lakes = fields.fractal(rng, shape, 120, octaves=3)
    water = lakes > np.float32(np.quantile(lakes, 0.95))
    cloud = fields.fractal(rng, shape, 90, octaves=3)
    cirrus_field = fields.fractal(rng, shape, 200, octaves=2)
    texture = fields.fractal(rng, shape, 8, octaves=2) - np.float32(0.5)

    fill = np.zeros(shape, bool)
    for a, b, c in FILL_EDGES:
        fill |= fields.half_plane(shape, a, b, c)

    thickness = np.clip((cloud - np.float32(np.quantile(cloud, 0.82))) / np.float32(0.2), 0, 1)
    cloud_high = thickness > 0.08
    cloud_medium = (thickness > 0) & ~cloud_high
    dilated = fields.dilate(cloud_high, DILATION_PX) & ~cloud_high
    shadow = fields.shift(thickness > 0, *SHADOW_SHIFT) & ~(thickness > 0)
    cirrus = cirrus_field > np.float32(np.quantile(cirrus_field, 0.97))

    qa = np.full(shape, CLEAR | confidence(CLOUD_CONF, LOW) | confidence(SHADOW_CONF, LOW)
                 | confidence(SNOW_CONF, LOW) | confidence(CIRRUS_CONF, LOW), np.uint16)     # 21824
    qa[water] |= WATER                                                                      # 21952
    qa[cirrus] = (qa[cirrus] & ~np.uint16(3 << CIRRUS_CONF)) | CIRRUS | confidence(CIRRUS_CONF, HIGH)   # 54596
    qa[cloud_medium] = (qa[cloud_medium] & ~np.uint16(3 << CLOUD_CONF)) | confidence(CLOUD_CONF, MEDIUM)  # 22080
    qa[shadow] = (qa[shadow] & ~np.uint16(3 << SHADOW_CONF)) | CLOUD_SHADOW | confidence(SHADOW_CONF, HIGH)  # 23888
    not_clear = dilated | cloud_high
    qa[dilated] = (qa[dilated] & ~np.uint16(CLEAR | WATER)) | DILATED_CLOUD                  # 21762
    qa[cloud_high] = (qa[cloud_high] & ~np.uint16(CLEAR | WATER | CLOUD_SHADOW | 3 << CLOUD_CONF | 3 << SHADOW_CONF)) \
        | CLOUD | confidence(CLOUD_CONF, HIGH) | confidence(SHADOW_CONF, LOW)                # 22280
    assert not np.any(qa[not_clear] & CLEAR)
    qa[fill] = QA_NODATA

    vigour = np.clip(vegetation + np.float32(0.08) * parcels, 0, 1)
    red = 0.03 + 0.10 * (1 - vigour) + 0.008 * parcels
    nir = 0.15 + 0.28 * vigour + 0.025 * parcels
    red = np.where(water, 0.025, red)
    nir = np.where(water, 0.012, nir)
    red = np.where(shadow, red * 0.5, red)
    nir = np.where(shadow, nir * 0.5, nir)
    opacity = thickness ** np.float32(0.7)
    red = red * (1 - opacity) + opacity * 0.45 + 0.03 * cirrus
    nir = nir * (1 - opacity) + opacity * 0.50 + 0.03 * cirrus
    return Scene(red=to_dn(red, fill), nir08=to_dn(nir, fill), qa_pixel=qa)


def to_dn(reflectance, fill):
    dn = np.rint((reflectance.astype(np.float64) - OFFSET) / SCALE)
    out = np.clip(dn, 1, np.iinfo(np.uint16).max).astype(np.uint16)
    out[fill] = SR_NODATA
    return out
