package dev.stacstream.cog.testing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Properties;

/**
 * Decodes TIFFs with GDAL, the reference the pure-Java reader must match pixel for pixel.
 *
 * <p>Level 0 is the full resolution image and level k is GDAL overview k-1, the numbering the reader uses.
 * Answers are cached on disk under {@value #DEFAULT_CACHE_DIR} (or system property
 * {@value #CACHE_PROPERTY}), keyed by the GDAL version and the oracle script's hash, then by the file's
 * content hash, then by level and window, so a repeated test run does not decode again. Misses are answered by
 * one long-lived Python process per JVM.
 *
 * <p>Thread-safe; get the shared instance with {@link #shared()}, which skips (or, on CI, fails) the
 * calling test when GDAL is not installed.
 */
public final class GdalOracle {

    /** System property overriding the cache directory. */
    public static final String CACHE_PROPERTY = "stacstream.oracle.cache";
    /** Cache directory relative to the module directory (surefire's working directory). */
    public static final String DEFAULT_CACHE_DIR = "target/oracle-cache";

    private static final String SCRIPT = "gdal_dump.py";
    private static final String FULL_LEVEL = "-1";

    private static GdalOracle shared;

    private final Path cacheRoot;
    private final Path script;
    private final String versionKey;
    private OracleProcess process;

    private GdalOracle(Path cacheRoot) {
        this.cacheRoot = cacheRoot;
        this.script = PythonGdal.script(SCRIPT, cacheRoot);
        // e.g. "gdal3.6.2-gdal_dump-0123456789abcdef": a new GDAL or an edited script starts a fresh cache.
        this.versionKey = "gdal" + PythonGdal.gdalVersion() + "-" + script.getFileName().toString().replace(".py", "");
    }

    /** The JVM-wide oracle; skips (fails on CI) the calling test when GDAL is missing. */
    public static synchronized GdalOracle shared() {
        requireGdal();
        if (shared == null) {
            shared = new GdalOracle(Paths.get(System.getProperty(CACHE_PROPERTY, DEFAULT_CACHE_DIR)).toAbsolutePath());
        }
        return shared;
    }

    /** Skips the calling test when GDAL is not installed, or fails it when {@code CI=true}. */
    public static void requireGdal() {
        PythonGdal.require();
    }

    /** GDAL's view of the file's levels, compression and nodata. */
    public OracleDescription describe(Path tiff) {
        Path props = entryDir(tiff).resolve("describe.properties");
        if (!Files.exists(props)) {
            process().request("describe", tiff.toAbsolutePath().toString(), props.toString());
        }
        return OracleDescription.parse(load(props));
    }

    /** The whole of level {@code level}. */
    public OracleRaster read(Path tiff, int level) {
        return read(tiff, level, null);
    }

    /**
     * A window of level {@code level}, or the whole level when {@code window} is {@code null}.
     *
     * @throws IllegalStateException when GDAL cannot decode it (e.g. the level does not exist)
     */
    public OracleRaster read(Path tiff, int level, OracleWindow window) {
        String key = "L" + level + "_" + (window == null ? "full" : window.key());
        Path dir = entryDir(tiff);
        Path bin = dir.resolve(key + ".bin");
        Path props = dir.resolve(key + ".properties");
        if (!Files.exists(props)) {
            String[] box = window == null
                    ? new String[] {FULL_LEVEL, "0", "0", "0"}
                    : new String[] {Integer.toString(window.col()), Integer.toString(window.row()),
                        Integer.toString(window.width()), Integer.toString(window.height())};
            process().request("read", tiff.toAbsolutePath().toString(), Integer.toString(level),
                    box[0], box[1], box[2], box[3], bin.toString(), props.toString());
        }
        Properties meta = load(props);
        try {
            Pixels pixels = new Pixels(meta.getProperty("dtype"), Integer.parseInt(meta.getProperty("bands")),
                    Integer.parseInt(meta.getProperty("width")), Integer.parseInt(meta.getProperty("height")),
                    Files.readAllBytes(bin));
            return new OracleRaster(pixels, Integer.parseInt(meta.getProperty("nbits")), meta.getProperty("nodata"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read GDAL's output " + bin + " for " + tiff, e);
        }
    }

    private Path entryDir(Path tiff) {
        Path dir = cacheRoot.resolve(versionKey).resolve(ContentHash.of(tiff));
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the oracle cache directory " + dir, e);
        }
    }

    private synchronized OracleProcess process() {
        if (process == null || !process.isAlive()) {
            process = OracleProcess.start(script, cacheRoot.resolve("gdal_dump.log"));
        }
        return process;
    }

    private static Properties load(Path props) {
        Properties result = new Properties();
        try (Reader in = Files.newBufferedReader(props, StandardCharsets.UTF_8)) {
            result.load(in);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read GDAL oracle output " + props, e);
        }
    }
}
