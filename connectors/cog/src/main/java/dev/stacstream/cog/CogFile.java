package dev.stacstream.cog;

import dev.stacstream.cog.codec.DecompressorRegistry;
import dev.stacstream.cog.error.CogMisuseException;
import dev.stacstream.cog.error.ErrorContext;
import dev.stacstream.cog.geo.GeoReference;
import dev.stacstream.cog.geo.GeoTiffReader;
import dev.stacstream.cog.plan.PixelWindow;
import dev.stacstream.cog.raster.Raster;
import dev.stacstream.cog.raster.RasterLevel;
import dev.stacstream.cog.read.BlockDecoder;
import dev.stacstream.cog.read.WindowReader;
import dev.stacstream.cog.tiff.ImageLayout;
import dev.stacstream.cog.tiff.TiffParser;
import dev.stacstream.cog.tiff.TiffStructure;
import dev.stacstream.storage.RangeReader;
import dev.stacstream.storage.RangeReaders;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;

/**
 * An opened (Cloud-Optimized) GeoTIFF: its parsed structure, its resolution levels and window reads.
 *
 * <p>Opening reads the header (one ranged request for a GDAL COG). Level 0 is the full-resolution image
 * (the first IFD that is neither an overview nor a mask); levels 1.. are the reduced-resolution IFDs in
 * file order, as GDAL numbers its overviews; mask IFDs are kept in {@link #images()} but are not levels.
 * Thread-safe for concurrent reads if the underlying {@link RangeReader} is.
 */
public final class CogFile implements AutoCloseable {

    private final RangeReader reader;
    private final boolean ownsReader;
    private final TiffStructure structure;
    private final List<ImageLayout> images;
    private final List<ImageLayout> levels;
    private final GeoReference geoReference;
    private final WindowReader windowReader;

    private CogFile(RangeReader reader, boolean ownsReader, TiffStructure structure, DecompressorRegistry codecs) {
        this.reader = reader;
        this.ownsReader = ownsReader;
        this.structure = structure;
        List<ImageLayout> all = new ArrayList<>();
        for (var ifd : structure.ifds()) {
            all.add(ImageLayout.of(ifd, structure.byteOrder(), structure.uri()));
        }
        this.images = Collections.unmodifiableList(all);
        this.levels = Collections.unmodifiableList(selectLevels(all));
        this.geoReference = GeoTiffReader.read(levels.get(0).ifd());
        this.windowReader = new WindowReader(reader, structure.headerCache(), new BlockDecoder(codecs));
    }

    /** Opens a file through an existing reader; the caller keeps ownership of {@code reader}. */
    public static CogFile open(RangeReader reader) {
        return new CogFile(reader, false, TiffParser.parse(reader), DecompressorRegistry.defaults());
    }

    /** Opens a local path, {@code file://}, {@code http(s)://} or {@code s3://} URI with default storage options. */
    public static CogFile open(String uriOrPath) {
        return open(uriOrPath, DecompressorRegistry.defaults());
    }

    /**
     * Opens a file as {@link #open(String)} does, decoding blocks with {@code codecs} instead of the default
     * codecs (e.g. {@code DecompressorRegistry.withDeflate(Inflaters.jdk())} for the JDK's inflater).
     */
    public static CogFile open(String uriOrPath, DecompressorRegistry codecs) {
        RangeReader reader = RangeReaders.open(uriOrPath);
        try {
            return new CogFile(reader, true, TiffParser.parse(reader), codecs);
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    private static List<ImageLayout> selectLevels(List<ImageLayout> all) {
        List<ImageLayout> out = new ArrayList<>();
        ImageLayout full = null;
        for (ImageLayout image : all) {
            if (!image.isOverview() && !image.isMask()) {
                full = image;
                break;
            }
        }
        if (full == null) {
            full = all.get(0);
        }
        out.add(full);
        for (ImageLayout image : all) {
            if (image != full && image.isOverview() && !image.isMask() && image.bands() == full.bands()
                    && image.width() <= full.width() && image.height() <= full.height()) {
                out.add(image);
            }
        }
        return out;
    }

    public String uri() {
        return reader.uri();
    }

    public TiffStructure structure() {
        return structure;
    }

    /** Every IFD interpreted as an image, in file order (full resolution, overviews and masks). */
    public List<ImageLayout> images() {
        return images;
    }

    /** Level 0 (full resolution), then the overviews. */
    public List<RasterLevel> levels() {
        return Collections.unmodifiableList(levels);
    }

    /** The image of one level. */
    public ImageLayout level(int level) {
        if (level < 0 || level >= levels.size()) {
            throw new CogMisuseException(ErrorContext.of(uri()), "level " + level + " does not exist: the file has "
                    + levels.size() + " level(s), 0 to " + (levels.size() - 1));
        }
        return levels.get(level);
    }

    /** Georeferencing of level 0. */
    public GeoReference geoReference() {
        return geoReference;
    }

    /** Georeferencing of a level (overviews scale the pixel size). */
    public GeoReference geoReference(int level) {
        ImageLayout full = levels.get(0);
        ImageLayout l = level(level);
        return geoReference.scaledTo(full.width(), full.height(), l.width(), l.height());
    }

    /** The GDAL_NODATA value, if set. */
    public OptionalDouble nodata() {
        return levels.get(0).gdalMetadata().nodata();
    }

    /** Decodes every band of {@code window} at {@code level}. */
    public Raster read(int level, PixelWindow window) {
        ImageLayout image = level(level);
        if (!window.fitsIn(image.width(), image.height())) {
            throw new CogMisuseException(ErrorContext.of(uri()).withIfd(image.ifdIndex()), "window " + window
                    + " is outside level " + level + " of " + image.width() + "x" + image.height() + " pixels");
        }
        OptionalDouble nodata = nodata();
        return windowReader.read(image, window, nodata.isPresent() ? nodata.getAsDouble() : null);
    }

    /** Decodes a whole level. */
    public Raster read(int level) {
        ImageLayout image = level(level);
        return read(level, PixelWindow.full(image.width(), image.height()));
    }

    @Override
    public void close() {
        if (ownsReader) {
            reader.close();
        }
    }
}
