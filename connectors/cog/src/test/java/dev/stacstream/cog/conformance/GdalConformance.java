package dev.stacstream.cog.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;

import dev.stacstream.cog.CogFile;
import dev.stacstream.cog.codec.DecompressorRegistry;
import dev.stacstream.cog.plan.PixelWindow;
import dev.stacstream.cog.raster.Raster;
import dev.stacstream.cog.raster.RasterLevel;
import dev.stacstream.cog.testing.GdalOracle;
import dev.stacstream.cog.testing.OracleDescription;
import dev.stacstream.cog.testing.OracleWindow;
import dev.stacstream.cog.testing.PixelComparison;
import dev.stacstream.cog.testing.Pixels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;

/**
 * The checks every conformance suite runs against the GDAL oracle: the levels have GDAL's shapes and types,
 * a whole level decodes to GDAL's samples, and so do a few windows chosen to stress block assembly.
 */
final class GdalConformance {

    /** Size of the small windows, odd so that they are never aligned with a block. */
    private static final int WINDOW_WIDTH = 19;
    private static final int WINDOW_HEIGHT = 7;
    /** How far a block-corner window reaches back into the first block. */
    private static final int CORNER_REACH_COLS = 5;
    private static final int CORNER_REACH_ROWS = 3;
    /** Rows of the full-width window that straddles the first block (or strip) boundary. */
    private static final int STRADDLE_ROWS = 2;

    private GdalConformance() {}

    /** One level of one file, as a test case named {@code "<file> level <n>"}. */
    record LevelCase(String name, Path file, int level) {
        @Override
        public String toString() {
            return name + " level " + level;
        }
    }

    /** A case per level GDAL sees in {@code file}. */
    static Stream<LevelCase> levelCases(String name, Path file) {
        int levels = GdalOracle.shared().describe(file).levels().size();
        return Stream.iterate(0, level -> level < levels, level -> level + 1).map(level -> new LevelCase(name, file, level));
    }

    /** The reader's levels have GDAL's count, sizes, band counts and sample types, and the same nodata. */
    static void assertLevelsMatchGdal(String name, Path file) {
        OracleDescription gdal = GdalOracle.shared().describe(file);
        try (CogFile cog = CogFile.open(file.toString())) {
            List<RasterLevel> ours = cog.levels();
            assertThat(ours).as("%s: levels", name).hasSameSizeAs(gdal.levels());
            for (int level = 0; level < ours.size(); level++) {
                RasterLevel l = ours.get(level);
                OracleDescription.Level g = gdal.levels().get(level);
                assertThat(List.of(l.width(), l.height(), l.bands()))
                        .as("%s level %d: width, height, bands", name, level)
                        .containsExactly(g.width(), g.height(), g.bands());
                assertThat(gdalTypeOf(l)).as("%s level %d: dtype", name, level).isEqualTo(g.dtype());
            }
            assertNodataMatches(name, cog.nodata(), gdal.nodata());
        }
    }

    /** A whole level decodes to GDAL's samples. */
    static void assertFullLevelMatchesGdal(LevelCase c) {
        assertFullLevelMatchesGdal(c, DecompressorRegistry.defaults());
    }

    /** A whole level, decoded with {@code codecs}, matches GDAL's samples. */
    static void assertFullLevelMatchesGdal(LevelCase c, DecompressorRegistry codecs) {
        GdalOracle oracle = GdalOracle.shared();
        int tolerance = oracle.describe(c.file()).tolerance();
        try (CogFile cog = CogFile.open(c.file().toString(), codecs)) {
            Pixels ours = pixels(cog.read(c.level()));
            PixelComparison.assertMatches(c.toString(), ours, oracle.read(c.file(), c.level()).pixels(), tolerance);
        }
    }

    /** Windows inside a block, across block corners, along the bottom-right edge and across a block row boundary. */
    static void assertWindowsMatchGdal(LevelCase c) {
        GdalOracle oracle = GdalOracle.shared();
        int tolerance = oracle.describe(c.file()).tolerance();
        try (CogFile cog = CogFile.open(c.file().toString())) {
            List<Executable> checks = new ArrayList<>();
            for (PixelWindow w : windows(cog.levels().get(c.level()))) {
                checks.add(() -> {
                    Pixels ours = pixels(cog.read(c.level(), w));
                    Pixels gdal = oracle.read(c.file(), c.level(), new OracleWindow(w.col(), w.row(), w.width(), w.height())).pixels();
                    PixelComparison.assertMatches(c + " window " + w, ours, gdal, tolerance);
                });
            }
            assertAll(c.toString(), checks);
        }
    }

    /** The windows checked for a level (duplicates removed when the level is small). */
    static List<PixelWindow> windows(RasterLevel level) {
        int w = level.width();
        int h = level.height();
        Set<PixelWindow> windows = new LinkedHashSet<>();
        // Inside: starts a third of the way in, so it avoids the image edges.
        windows.add(clipped(w / 3, h / 3, WINDOW_WIDTH, WINDOW_HEIGHT, w, h));
        // Across the corner shared by the first four blocks (or along the edge when the level is one block).
        windows.add(clipped(Math.min(level.blockWidth(), w) - CORNER_REACH_COLS, Math.min(level.blockHeight(), h) - CORNER_REACH_ROWS,
                2 * CORNER_REACH_COLS, 2 * CORNER_REACH_ROWS, w, h));
        // Touching the right and bottom edges, where blocks are partial.
        windows.add(clipped(w - WINDOW_WIDTH, h - WINDOW_HEIGHT, WINDOW_WIDTH, WINDOW_HEIGHT, w, h));
        // Full width across the first block-row (or strip) boundary.
        windows.add(clipped(0, Math.min(level.blockHeight(), h) - 1, w, STRADDLE_ROWS, w, h));
        return List.copyOf(windows);
    }

    private static PixelWindow clipped(int col, int row, int width, int height, int imageWidth, int imageHeight) {
        int c = Math.max(0, Math.min(col, imageWidth - 1));
        int r = Math.max(0, Math.min(row, imageHeight - 1));
        return new PixelWindow(c, r, Math.min(width, imageWidth - c), Math.min(height, imageHeight - r));
    }

    static Pixels pixels(Raster raster) {
        return new Pixels(raster.dataType().numpyName(), raster.bands(), raster.width(), raster.height(),
                raster.toLittleEndianBandSequential());
    }

    /** The dtype GDAL 3.6 reports for our level: it has no float16 and returns such files as float32. */
    private static String gdalTypeOf(RasterLevel level) {
        String ours = level.dataType().numpyName();
        return ours.equals("float16") ? "float32" : ours;
    }

    private static void assertNodataMatches(String name, OptionalDouble ours, String gdal) {
        if (gdal == null) {
            assertThat(ours).as("%s: nodata", name).isEmpty();
        } else if (gdal.equals("nan")) {
            assertThat(ours).as("%s: nodata", name).isPresent();
            assertThat(ours.getAsDouble()).as("%s: nodata", name).isNaN();
        } else {
            assertThat(ours).as("%s: nodata", name).hasValue(Double.parseDouble(gdal));
        }
    }
}
