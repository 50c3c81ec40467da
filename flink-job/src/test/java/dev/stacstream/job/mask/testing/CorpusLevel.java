package dev.stacstream.job.mask.testing;

import dev.stacstream.cog.CogFile;
import dev.stacstream.cog.geo.GeoReference;
import dev.stacstream.cog.raster.Raster;
import dev.stacstream.cog.raster.RasterLevel;
import dev.stacstream.cog.testing.TestCorpus;
import dev.stacstream.job.mask.LevelGrid;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One level of a corpus COG decoded whole by the project's reader, with its grid: what the kernel tests cut
 * into blocks. Decoded once per JVM and shared (read-only) between tests.
 *
 * @param path the file
 * @param level the level index (0 = full resolution)
 * @param raster all pixels of the level
 * @param grid its pixel grid
 */
public record CorpusLevel(Path path, int level, Raster raster, LevelGrid grid) {

    /** The Sentinel-2 L2A scene of the corpus (decimated 10x: bands 1098x1098 at 100 m, SCL 549x549 at 200 m). */
    public static final String S2_SCENE = "rasters/sentinel2/S2A_29RKH_20200219_0_L2A/";
    /** The Landsat 8 Collection 2 L2 scene of the corpus (379x386, striped). */
    public static final String LANDSAT_SCENE = "rasters/landsat/LC08_L2SP_001062_20201031_20201106_02_T2/";

    private static final Map<String, CorpusLevel> CACHE = new ConcurrentHashMap<>();

    /** Level {@code level} of corpus file {@code relativePath} (skips or fails when the corpus is missing). */
    public static CorpusLevel read(String relativePath, int level) {
        TestCorpus corpus = TestCorpus.require();
        Path path = corpus.resolve(relativePath);
        return CACHE.computeIfAbsent(path + "#" + level, k -> load(path, level));
    }

    private static CorpusLevel load(Path path, int level) {
        try (CogFile cog = CogFile.open(path.toString())) {
            Raster raster = cog.read(level);
            RasterLevel shape = cog.levels().get(level);
            GeoReference geo = cog.geoReference(level);
            return new CorpusLevel(path, level, raster, new LevelGrid(shape.width(), shape.height(), geo.geoTransform(), geo.epsg()));
        }
    }

    public int width() {
        return raster.width();
    }

    public int height() {
        return raster.height();
    }

    /** The overview index GDAL gives this level ({@code null} for full resolution), for the oracle's spec. */
    public String gdalOverviewJson() {
        return level == 0 ? "null" : Integer.toString(level - 1);
    }
}
