package dev.stacstream.cog.tiff;

import java.util.Map;

/** The TIFF, GeoTIFF and GDAL tag numbers this reader interprets, with names for reports. */
public final class TiffTag {

    public static final int NEW_SUBFILE_TYPE = 254;
    public static final int IMAGE_WIDTH = 256;
    public static final int IMAGE_LENGTH = 257;
    public static final int BITS_PER_SAMPLE = 258;
    public static final int COMPRESSION = 259;
    public static final int PHOTOMETRIC = 262;
    public static final int STRIP_OFFSETS = 273;
    public static final int SAMPLES_PER_PIXEL = 277;
    public static final int ROWS_PER_STRIP = 278;
    public static final int STRIP_BYTE_COUNTS = 279;
    public static final int PLANAR_CONFIGURATION = 284;
    public static final int PREDICTOR = 317;
    public static final int TILE_WIDTH = 322;
    public static final int TILE_LENGTH = 323;
    public static final int TILE_OFFSETS = 324;
    public static final int TILE_BYTE_COUNTS = 325;
    public static final int SUB_IFDS = 330;
    public static final int EXTRA_SAMPLES = 338;
    public static final int SAMPLE_FORMAT = 339;
    public static final int JPEG_TABLES = 347;
    public static final int YCBCR_SUBSAMPLING = 530;
    public static final int MODEL_PIXEL_SCALE = 33550;
    public static final int MODEL_TIEPOINT = 33922;
    public static final int MODEL_TRANSFORMATION = 34264;
    public static final int GEO_KEY_DIRECTORY = 34735;
    public static final int GEO_DOUBLE_PARAMS = 34736;
    public static final int GEO_ASCII_PARAMS = 34737;
    public static final int GDAL_METADATA = 42112;
    public static final int GDAL_NODATA = 42113;

    /** NewSubfileType bit: reduced-resolution version of another image (an overview). */
    public static final int SUBFILE_REDUCED_RESOLUTION = 1;
    /** NewSubfileType bit: transparency mask of another image. */
    public static final int SUBFILE_MASK = 4;

    public static final int PLANAR_CHUNKY = 1;
    public static final int PLANAR_SEPARATE = 2;

    public static final int PHOTOMETRIC_MIN_IS_BLACK = 1;
    public static final int PHOTOMETRIC_RGB = 2;
    public static final int PHOTOMETRIC_YCBCR = 6;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(NEW_SUBFILE_TYPE, "NewSubfileType"), Map.entry(IMAGE_WIDTH, "ImageWidth"),
            Map.entry(IMAGE_LENGTH, "ImageLength"), Map.entry(BITS_PER_SAMPLE, "BitsPerSample"),
            Map.entry(COMPRESSION, "Compression"), Map.entry(PHOTOMETRIC, "PhotometricInterpretation"),
            Map.entry(STRIP_OFFSETS, "StripOffsets"), Map.entry(SAMPLES_PER_PIXEL, "SamplesPerPixel"),
            Map.entry(ROWS_PER_STRIP, "RowsPerStrip"), Map.entry(STRIP_BYTE_COUNTS, "StripByteCounts"),
            Map.entry(PLANAR_CONFIGURATION, "PlanarConfiguration"), Map.entry(PREDICTOR, "Predictor"),
            Map.entry(TILE_WIDTH, "TileWidth"), Map.entry(TILE_LENGTH, "TileLength"),
            Map.entry(TILE_OFFSETS, "TileOffsets"), Map.entry(TILE_BYTE_COUNTS, "TileByteCounts"),
            Map.entry(SUB_IFDS, "SubIFDs"), Map.entry(EXTRA_SAMPLES, "ExtraSamples"),
            Map.entry(SAMPLE_FORMAT, "SampleFormat"), Map.entry(JPEG_TABLES, "JPEGTables"),
            Map.entry(YCBCR_SUBSAMPLING, "YCbCrSubSampling"), Map.entry(MODEL_PIXEL_SCALE, "ModelPixelScale"),
            Map.entry(MODEL_TIEPOINT, "ModelTiepoint"), Map.entry(MODEL_TRANSFORMATION, "ModelTransformation"),
            Map.entry(GEO_KEY_DIRECTORY, "GeoKeyDirectory"), Map.entry(GEO_DOUBLE_PARAMS, "GeoDoubleParams"),
            Map.entry(GEO_ASCII_PARAMS, "GeoAsciiParams"), Map.entry(GDAL_METADATA, "GDAL_METADATA"),
            Map.entry(GDAL_NODATA, "GDAL_NODATA"));

    private TiffTag() {}

    /** "TileOffsets (324)", or "tag 51234" for tags without a name here. */
    public static String describe(int tag) {
        String name = NAMES.get(tag);
        return name == null ? "tag " + tag : name + " (" + tag + ")";
    }
}
