package dev.stacstream.job.aggregate;

import dev.stacstream.job.mask.LevelGrid;
import java.io.Serializable;
import java.util.Locale;

/**
 * How the output grid is chosen (pipeline key {@code aggregate.factor}, or a resolution or a size): a
 * serializable value that {@link #resolve resolves} against a level's pixel grid into a {@link CellGrid} of
 * whole-pixel cells anchored at the level's origin, so that every item on the same tile grid (same origin,
 * pixel size and CRS) gets the same cells. Cells along the far edges may be partial; their
 * {@code count_total} says how many pixels they hold.
 */
public sealed interface GridSpec extends Serializable permits GridSpec.ByFactor, GridSpec.ByResolution, GridSpec.BySize {

    /** How close a resolution must be to an integer multiple of the pixel size, relative to the multiple. */
    double RESOLUTION_RELATIVE_TOLERANCE = 1e-9;

    /** The cell grid this spec gives on {@code level}; fails with a message naming the spec and the level. */
    CellGrid resolve(LevelGrid level);

    /** Cells of {@code factor x factor} pixels of the level read. */
    static GridSpec byFactor(int factor) {
        return new ByFactor(factor, factor);
    }

    /** Cells of {@code factorX} columns by {@code factorY} rows of pixels. */
    static GridSpec byFactor(int factorX, int factorY) {
        return new ByFactor(factorX, factorY);
    }

    /** Square cells of {@code resolution} CRS units; it must be an integer multiple of the pixel size. */
    static GridSpec byResolution(double resolution) {
        return new ByResolution(resolution, resolution);
    }

    /** Cells of {@code resolutionX} by {@code resolutionY} CRS units (both positive). */
    static GridSpec byResolution(double resolutionX, double resolutionY) {
        return new ByResolution(resolutionX, resolutionY);
    }

    /**
     * An output of {@code columns x rows} cells over the level: the smallest whole number of pixels per cell
     * that needs no more cells, which must give exactly that many.
     */
    static GridSpec bySize(int columns, int rows) {
        return new BySize(columns, rows);
    }

    /** See {@link GridSpec#byFactor(int, int)}. */
    record ByFactor(int factorX, int factorY) implements GridSpec {

        public ByFactor {
            if (factorX < 1 || factorY < 1) {
                throw new IllegalArgumentException("aggregation factor must be >= 1, got " + factorX + "x" + factorY);
            }
        }

        @Override
        public CellGrid resolve(LevelGrid level) {
            return new CellGrid(level, factorX, factorY);
        }
    }

    /** See {@link GridSpec#byResolution(double, double)}. */
    record ByResolution(double resolutionX, double resolutionY) implements GridSpec {

        public ByResolution {
            if (!(resolutionX > 0) || !(resolutionY > 0) || Double.isInfinite(resolutionX) || Double.isInfinite(resolutionY)) {
                throw new IllegalArgumentException("target resolution must be positive and finite, got " + resolutionX + " x "
                        + resolutionY);
            }
        }

        @Override
        public CellGrid resolve(LevelGrid level) {
            if (!level.isAxisAligned()) {
                throw new IllegalArgumentException("a target resolution needs a north-up grid without rotation, got " + level);
            }
            int fx = factorFor(resolutionX, Math.abs(level.geoTransform(1)), "x");
            int fy = factorFor(resolutionY, Math.abs(level.geoTransform(5)), "y");
            return new CellGrid(level, fx, fy);
        }

        private static int factorFor(double resolution, double pixelSize, String axis) {
            double ratio = resolution / pixelSize;
            long k = Math.round(ratio);
            if (k < 1 || k > Integer.MAX_VALUE || Math.abs(ratio - k) > RESOLUTION_RELATIVE_TOLERANCE * k) {
                long below = Math.max(1, (long) Math.floor(ratio));
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "target resolution %s along %s is not an integer multiple of the pixel size %s (ratio %s); "
                                + "use e.g. %s or %s", resolution, axis, pixelSize, ratio, below * pixelSize,
                        (below + 1) * pixelSize));
            }
            return (int) k;
        }
    }

    /** See {@link GridSpec#bySize(int, int)}. */
    record BySize(int columns, int rows) implements GridSpec {

        public BySize {
            if (columns < 1 || rows < 1) {
                throw new IllegalArgumentException("output size must be >= 1x1 cells, got " + columns + "x" + rows);
            }
        }

        @Override
        public CellGrid resolve(LevelGrid level) {
            return new CellGrid(level, factorFor(level.width(), columns, "columns"), factorFor(level.height(), rows, "rows"));
        }

        private static int factorFor(int pixels, int cells, String axis) {
            if (cells > pixels) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%d %s of cells need at least %d pixels, but the level has %d", cells, axis, cells, pixels));
            }
            int factor = ceilDiv(pixels, cells);
            int produced = ceilDiv(pixels, factor);
            if (produced != cells) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%d pixels cannot be cut into exactly %d %s of whole pixels: %d pixels per cell gives %d, %d gives %d",
                        pixels, cells, axis, factor, produced, factor - 1, ceilDiv(pixels, factor - 1)));
            }
            return factor;
        }

        private static int ceilDiv(int a, int b) {
            return (a + b - 1) / b;
        }
    }
}
