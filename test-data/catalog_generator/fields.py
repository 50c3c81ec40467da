"""Smooth random fields and small raster helpers, numpy only (no scipy), deterministic for a given Generator.

Every field is defined on the grid it is generated on; callers that need two rasters to agree where they
overlap (two Sentinel-2 tiles of one datatake) generate once on the union grid and crop.
"""
import numpy as np


def bilinear_upsample(grid, cell, shape):
    """Samples `grid` (one value per `cell` pixels) bilinearly at every pixel of `shape` (rows, cols)."""
    rows, cols = shape
    y = (np.arange(rows, dtype=np.float64) + 0.5) / cell
    x = (np.arange(cols, dtype=np.float64) + 0.5) / cell
    y0 = np.floor(y).astype(np.int64)
    x0 = np.floor(x).astype(np.int64)
    fy = (y - y0).astype(np.float32)[:, None]
    fx = (x - x0).astype(np.float32)[None, :]
    g00 = grid[np.ix_(y0, x0)]
    g01 = grid[np.ix_(y0, x0 + 1)]
    g10 = grid[np.ix_(y0 + 1, x0)]
    g11 = grid[np.ix_(y0 + 1, x0 + 1)]
    top = g00 * (1 - fx) + g01 * fx
    bottom = g10 * (1 - fx) + g11 * fx
    return (top * (1 - fy) + bottom * fy).astype(np.float32)


def fractal(rng, shape, feature_px, octaves=5, persistence=0.55):
    """Multi-octave value noise in [0, 1]: features of about `feature_px` pixels, finer detail per octave."""
    rows, cols = shape
    acc = np.zeros(shape, np.float32)
    amplitude = 1.0
    for octave in range(octaves):
        cell = max(2, int(feature_px) >> octave)
        grid = rng.standard_normal((rows // cell + 2, cols // cell + 2)).astype(np.float32)
        acc += np.float32(amplitude) * bilinear_upsample(grid, cell, shape)
        amplitude *= persistence
    lo, hi = float(acc.min()), float(acc.max())
    return (acc - lo) / np.float32(hi - lo)


def parcels(rng, shape, cell_rows, cell_cols, sigma):
    """Piecewise-constant offsets on a jittered grid of rectangles: agricultural fields."""
    rows, cols = shape
    row_edges = jittered_edges(rng, rows, cell_rows)
    col_edges = jittered_edges(rng, cols, cell_cols)
    values = rng.normal(0.0, sigma, (len(row_edges), len(col_edges))).astype(np.float32)
    row_index = np.searchsorted(row_edges, np.arange(rows), side="right") - 1
    col_index = np.searchsorted(col_edges, np.arange(cols), side="right") - 1
    return values[np.ix_(row_index, col_index)]


def jittered_edges(rng, length, cell):
    """Start offsets of cells of about `cell` pixels (between 0.6x and 1.4x) covering [0, length)."""
    edges = [0]
    while edges[-1] < length:
        edges.append(edges[-1] + int(rng.integers(int(cell * 0.6), int(cell * 1.4) + 1)))
    return np.array(edges[:-1], dtype=np.int64)


def shift(mask, drow, dcol):
    """`mask` moved by (drow, dcol) pixels, filled with False where nothing moved in."""
    out = np.zeros_like(mask)
    rows, cols = mask.shape
    src = mask[max(0, -drow):rows - max(0, drow), max(0, -dcol):cols - max(0, dcol)]
    out[max(0, drow):max(0, drow) + src.shape[0], max(0, dcol):max(0, dcol) + src.shape[1]] = src
    return out


def dilate(mask, radius):
    """Binary dilation by a (2 radius + 1) square, by OR-ing shifted copies."""
    out = mask.copy()
    for dr in range(-radius, radius + 1):
        for dc in range(-radius, radius + 1):
            if dr or dc:
                out |= shift(mask, dr, dc)
    return out


def block_mean(a, factor):
    """Mean over factor x factor blocks (the 10 m -> 20 m relation); the shape must divide."""
    rows, cols = a.shape
    return a.reshape(rows // factor, factor, cols // factor, factor).mean(axis=(1, 3), dtype=np.float64) \
        .astype(np.float32)


def half_plane(shape, a, b, c):
    """True where a * col + b * row > c, evaluated at pixel centres: a straight swath or scene edge."""
    rows, cols = shape
    r = np.arange(rows, dtype=np.float64)[:, None] + 0.5
    q = np.arange(cols, dtype=np.float64)[None, :] + 0.5
    return a * q + b * r > c
