"""Sentinel-2 L2A-like scenes: B04 (red) and B08 (nir) at 10 m, SCL at 20 m, for crops of two adjacent MGRS tiles.

The crops are the east edge of tile 33UVU and the west edge of its neighbour 33UWU, which overlap by 9.78 km
exactly as the real 109.8 km tiles on a 100 km grid do. Everything is generated once on the union of both crops
and cut out, so two items of one datatake agree pixel for pixel where they overlap. Values are L2A DN of
processing baseline >= 04.00: reflectance * 10000 + 1000 (the BOA offset), nodata 0.
"""
from dataclasses import dataclass

import numpy as np

import fields

EPSG = 32633
PIXEL_10M = 10.0
PIXEL_20M = 20.0
CROP = 1098                     # 10 m pixels per side: a tenth of a tile, like the corpus' decimated scenes
TOP = 5900040.0                 # northing of both tiles' top edge
TILE_ORIGINS = {"33UVU": 399960.0, "33UWU": 499980.0}
TILE_PIXELS = 10980
UNION_WEST = TILE_ORIGINS["33UVU"] + (TILE_PIXELS - CROP) * PIXEL_10M      # 498780: 33UVU's last 1098 columns
UNION_COLS = int((TILE_ORIGINS["33UWU"] + CROP * PIXEL_10M - UNION_WEST) / PIXEL_10M)   # 1218
BOA_ADD_OFFSET_DN = 1000
REFLECTANCE_TO_DN = 10000
NODATA = 0

# SCL classes (FORMATS.md "Mask layers")
NO_DATA, SATURATED, DARK, SHADOW, VEGETATION, NOT_VEGETATED, WATER, UNCLASSIFIED = 0, 1, 2, 3, 4, 5, 6, 7
CLOUD_MEDIUM, CLOUD_HIGH, CIRRUS = 8, 9, 10


@dataclass(frozen=True)
class Acquisition:
    """One datatake over the crops: its items share clouds, shadows and swath edge."""
    date: str                   # yyyymmdd
    platform: str               # sentinel-2a / sentinel-2b
    relative_orbit: int
    tiles: tuple                # (MGRS tile, item datetime) of each crop written
    greenness: float            # phenology: scales vegetation vigour
    cloud_cover: float          # fraction of the union grid under cloud
    cirrus_cover: float
    swath_edge: bool            # whether the east swath edge (nodata wedge) crosses the crops


ACQUISITIONS = (
    Acquisition("20230602", "sentinel-2b", 122, (("33UVU", "2023-06-02T10:06:19.024000Z"),), 0.85, 0.12, 0.04,
                False),
    Acquisition("20230612", "sentinel-2a", 79, (("33UVU", "2023-06-12T10:16:21.337000Z"),
                                                 ("33UWU", "2023-06-12T10:16:17.112000Z")), 0.95, 0.30, 0.07, True),
    Acquisition("20230702", "sentinel-2a", 79, (("33UVU", "2023-07-02T10:16:23.910000Z"),), 1.0, 0.05, 0.02, True),
)

# Shadows fall away from the sun (south-south-east at ~10:00 UTC in June): north-north-west, 700 m x 300 m.
SHADOW_SHIFT_10M = (-70, -30)
# East swath edge of relative orbit 79 over the union grid: a * col + b * row > c (10 m pixel units).
SWATH_EDGE = (1.0, 0.25, 1100.0)


@dataclass(frozen=True)
class Land:
    """What does not change between acquisitions (on the 10 m union grid)."""
    vegetation: np.ndarray      # [0, 1] vigour
    parcels: np.ndarray         # field-by-field offsets, ~0 mean
    water: np.ndarray           # bool
    built: np.ndarray           # bool, bare soil / built-up
    texture: np.ndarray         # fine spatial texture, ~0 mean


@dataclass(frozen=True)
class Scene:
    """One acquisition on the union grid."""
    red: np.ndarray             # uint16 DN, 10 m
    nir: np.ndarray             # uint16 DN, 10 m
    scl: np.ndarray             # uint8 classes, 20 m


def land(rng):
    shape = (CROP, UNION_COLS)
    vegetation = fields.fractal(rng, shape, 240, octaves=2)
    lakes = fields.fractal(rng, shape, 260, octaves=4)
    built = fields.fractal(rng, shape, 90, octaves=4)
    return Land(vegetation=vegetation,
                parcels=fields.parcels(rng, shape, 36, 52, 1.0),
                water=lakes > np.float32(np.quantile(lakes, 0.96)),
                built=built > np.float32(np.quantile(built, 0.93)),
                texture=fields.fractal(rng, shape, 16, octaves=2) - np.float32(0.5))


def scene(rng, ground, acq):
    shape = (CROP, UNION_COLS)
    cloud = fields.fractal(rng, shape, 220, octaves=3)
    cirrus = fields.fractal(rng, shape, 400, octaves=3)
    cloud_edge = np.float32(np.quantile(cloud, 1.0 - acq.cloud_cover))
    thickness = np.clip((cloud - cloud_edge) / np.float32(0.25), 0, 1)          # optical thickness proxy
    cirrus_edge = np.float32(np.quantile(cirrus, 1.0 - acq.cirrus_cover))
    cirrus_strength = np.clip((cirrus - cirrus_edge) / np.float32(0.1), 0, 1)
    clouded = thickness > 0
    shadow = fields.shift(clouded, *SHADOW_SHIFT_10M) & ~clouded

    vigour = np.clip(ground.vegetation * np.float32(acq.greenness) + np.float32(0.08) * ground.parcels, 0, 1)
    red = 0.03 + 0.11 * (1 - vigour) + 0.008 * ground.parcels
    nir = 0.14 + 0.30 * vigour + 0.025 * ground.parcels
    red = np.where(ground.built, 0.11 + 0.01 * ground.texture, red)
    nir = np.where(ground.built, 0.17 + 0.015 * ground.texture, nir)
    red = np.where(ground.water, 0.02 + 0.004 * ground.texture, red)
    nir = np.where(ground.water, 0.012 + 0.002 * ground.texture, nir)
    red = np.where(shadow, red * 0.45, red)
    nir = np.where(shadow, nir * 0.45, nir)
    opacity = thickness ** np.float32(0.7)
    red = red * (1 - opacity) + opacity * (0.50 + 0.004 * ground.texture) + 0.035 * cirrus_strength
    nir = nir * (1 - opacity) + opacity * (0.55 + 0.004 * ground.texture) + 0.035 * cirrus_strength

    nodata10 = fields.half_plane(shape, *SWATH_EDGE) if acq.swath_edge else np.zeros(shape, bool)
    scl = classify(rng, ground, thickness, cirrus_strength, shadow, vigour, acq)
    return Scene(red=to_dn(rng, red, nodata10), nir=to_dn(rng, nir, nodata10), scl=scl)


def classify(rng, ground, thickness, cirrus_strength, shadow, vigour, acq):
    """SCL at 20 m from the 10 m fields (2 x 2 means), in the order L2A's scene classification resolves them."""
    shape20 = (CROP // 2, UNION_COLS // 2)
    thick20 = fields.block_mean(thickness, 2)
    speck = rng.random(shape20, dtype=np.float32)
    scl = np.where(fields.block_mean(vigour, 2) > 0.42, VEGETATION, NOT_VEGETATED).astype(np.uint8)
    scl[fields.block_mean(ground.built.astype(np.float32), 2) > 0.5] = NOT_VEGETATED
    scl[speck < 0.004] = DARK
    scl[(speck > 0.996) & (thick20 == 0)] = UNCLASSIFIED
    scl[speck > 0.99995] = SATURATED
    scl[fields.block_mean(ground.water.astype(np.float32), 2) > 0.5] = WATER
    scl[fields.block_mean(shadow.astype(np.float32), 2) > 0.5] = SHADOW
    scl[fields.block_mean(cirrus_strength, 2) > 0.3] = CIRRUS
    scl[thick20 > 0] = CLOUD_MEDIUM
    scl[thick20 > 0.45] = CLOUD_HIGH
    if acq.swath_edge:
        a, b, c = SWATH_EDGE
        scl[fields.half_plane(shape20, a, b, c / 2)] = NO_DATA
    return scl


def to_dn(rng, reflectance, nodata):
    noise = rng.normal(0.0, 0.0, reflectance.shape).astype(np.float32)           # sensor noise, DN
    dn = np.float32(BOA_ADD_OFFSET_DN) + reflectance.astype(np.float32) * np.float32(REFLECTANCE_TO_DN) + noise
    out = np.clip(np.rint(dn), 1, np.iinfo(np.uint16).max).astype(np.uint16)
    out[nodata] = NODATA
    return out


def crop_west(tile):
    """The west edge of `tile`'s crop: 33UVU's last 1098 columns, 33UWU's first."""
    return UNION_WEST if tile == "33UVU" else TILE_ORIGINS[tile]


def crop(scene_, tile):
    """The 1098 x 1098 (10 m) and 549 x 549 (20 m) crops of `tile` from a union-grid scene."""
    col10 = int(round((crop_west(tile) - UNION_WEST) / PIXEL_10M))
    col20 = col10 // 2
    return (scene_.red[:, col10:col10 + CROP],
            scene_.nir[:, col10:col10 + CROP],
            scene_.scl[:, col20:col20 + CROP // 2])


def nodata_edges(acq, tile):
    """The swath edge in `tile`'s crop pixel coordinates (10 m), as (a, b, c): nodata where a*col + b*row > c."""
    if not acq.swath_edge:
        return ()
    a, b, c = SWATH_EDGE
    col10 = (crop_west(tile) - UNION_WEST) / PIXEL_10M
    return ((a, b, c - a * col10),)
