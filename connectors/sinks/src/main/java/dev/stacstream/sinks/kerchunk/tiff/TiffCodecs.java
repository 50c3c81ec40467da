package dev.stacstream.sinks.kerchunk.tiff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stacstream.cog.tiff.TiffTag;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The numcodecs configurations tifffile's {@code write_fsspec} gives a TIFF's compression and predictor (the table
 * in {@code docs/manifest-spec.md} §2): the compressor by Compression tag value, and the predictor as a filter that
 * runs after decompression.
 */
public final class TiffCodecs {

    static final int JPEG_OLD_STYLE_REPLACEMENT = 7;
    static final int JPEG_DNG = 33007;
    static final int JPEG_XR_DNG_OR_JPEG_NDPI = 34892;
    static final int PREDICTOR_NONE = 1;
    static final int PREDICTOR_HORIZONTAL = 2;
    static final int PREDICTOR_FLOATING_POINT = 3;
    /** Adobe's horizontal/floating-point predictors over 2 and 4 samples (DNG). */
    static final int PREDICTOR_HORIZONTAL_X2 = 34892;
    static final int PREDICTOR_HORIZONTAL_X4 = 34893;
    static final int PREDICTOR_FLOATING_POINT_X2 = 34894;
    static final int PREDICTOR_FLOATING_POINT_X4 = 34895;

    private static final int DIST_2 = 2;
    private static final int DIST_4 = 4;
    private static final int AXIS_SAMPLES_LAST = -2;
    private static final int AXIS_LAST = -1;
    /** libjpeg colour-space code for RGB (J_COLOR_SPACE JCS_RGB). */
    private static final int JCS_RGB = 2;
    private static final int JCS_GRAYSCALE = 1;
    private static final int JCS_CMYK = 4;
    private static final int PHOTOMETRIC_SEPARATED = 5;

    /** Compression tag value to numcodecs id; {@code null} id means "no compressor". */
    private static final Map<Integer, String> COMPRESSORS = Map.ofEntries(
            Map.entry(1, ""),
            Map.entry(5, "imagecodecs_lzw"),
            Map.entry(JPEG_OLD_STYLE_REPLACEMENT, "imagecodecs_jpeg"),
            Map.entry(8, "zlib"),
            Map.entry(22610, "imagecodecs_jpegxr"),
            Map.entry(32773, "imagecodecs_packbits"),
            Map.entry(32946, "zlib"),
            Map.entry(33003, "imagecodecs_jpeg2k"),
            Map.entry(33004, "imagecodecs_jpeg2k"),
            Map.entry(33005, "imagecodecs_jpeg2k"),
            Map.entry(JPEG_DNG, "imagecodecs_jpeg"),
            Map.entry(34712, "imagecodecs_jpeg2k"),
            Map.entry(34887, "imagecodecs_lerc"),
            Map.entry(JPEG_XR_DNG_OR_JPEG_NDPI, "imagecodecs_jpeg"),
            Map.entry(34925, "lzma"),
            Map.entry(34933, "imagecodecs_png"),
            Map.entry(34934, "imagecodecs_jpegxr"),
            // tifffile >= 2023.7 (numcodecs' zstd fails on frames without a content size).
            Map.entry(50000, "imagecodecs_zstd"),
            Map.entry(50001, "imagecodecs_webp"),
            Map.entry(50002, "imagecodecs_jpegxl"),
            Map.entry(50013, "zlib"),
            Map.entry(52546, "imagecodecs_jpegxl"));

    private static final Map<Integer, String> COMPRESSION_NAMES = Map.ofEntries(
            Map.entry(2, "CCITT RLE"), Map.entry(3, "CCITT Group 3"), Map.entry(4, "CCITT Group 4"),
            Map.entry(6, "old-style JPEG"), Map.entry(32809, "ThunderScan"), Map.entry(32908, "Pixar film"),
            Map.entry(32909, "Pixar log"), Map.entry(34676, "SGI LogL"), Map.entry(34677, "SGI LogLuv"));

    private static final List<Integer> PREDICTORS = List.of(PREDICTOR_NONE, PREDICTOR_HORIZONTAL,
            PREDICTOR_FLOATING_POINT, PREDICTOR_HORIZONTAL_X2, PREDICTOR_HORIZONTAL_X4, PREDICTOR_FLOATING_POINT_X2,
            PREDICTOR_FLOATING_POINT_X4);

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private TiffCodecs() {}

    /** Whether tifffile maps {@code compression} to a codec. */
    public static boolean supportsCompression(int compression) {
        return COMPRESSORS.containsKey(compression);
    }

    /** Whether tifffile maps {@code predictor} to a filter (or needs none). */
    public static boolean supportsPredictor(int predictor) {
        return PREDICTORS.contains(predictor);
    }

    /** A name for an unsupported compression value in messages ({@code "CCITT Group 4"}, else {@code "unknown"}). */
    public static String compressionName(int compression) {
        return COMPRESSION_NAMES.getOrDefault(compression, "unknown");
    }

    static boolean isJpeg(int compression) {
        return "imagecodecs_jpeg".equals(COMPRESSORS.get(compression));
    }

    /** The compressor configuration of {@code level} (JSON null for uncompressed). */
    public static JsonNode compressor(LevelLayout level) {
        String id = Optional.ofNullable(COMPRESSORS.get(level.compression())).orElseThrow(() ->
                new IllegalArgumentException("compression " + level.compression() + " has no codec"));
        if (id.isEmpty()) {
            return NullNode.instance;
        }
        ObjectNode codec = JSON.objectNode().put("id", id);
        if (isJpeg(level.compression())) {
            jpeg(level, codec);
        }
        return codec;
    }

    private static void jpeg(LevelLayout level, ObjectNode codec) {
        if (level.jpegTables() == null) {
            codec.putNull("tables");
        } else {
            codec.put("tables", Base64.getEncoder().encodeToString(level.jpegTables()));
        }
        codec.putNull("header");
        codec.put("bitspersample", level.bitsPerSample());
        Integer colorspaceJpeg = null;
        Integer colorspaceData = null;
        // tifffile's jpeg_decode_colorspace; JFIF tiles are assumed absent (GDAL does not write them).
        if (level.extraSamples() == 0) {
            if (level.photometric() == TiffTag.PHOTOMETRIC_YCBCR) {
                colorspaceData = JCS_RGB;
            } else if (level.photometric() == TiffTag.PHOTOMETRIC_RGB) {
                colorspaceJpeg = JCS_RGB;
                colorspaceData = JCS_RGB;
            } else if (level.photometric() == PHOTOMETRIC_SEPARATED) {
                colorspaceData = JCS_CMYK;
            }
        }
        if (level.planar()) {
            colorspaceData = JCS_GRAYSCALE;
        }
        putNullable(codec, "colorspace_jpeg", colorspaceJpeg);
        putNullable(codec, "colorspace_data", colorspaceData);
    }

    private static void putNullable(ObjectNode node, String field, Integer value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    /** The filters of {@code level} for chunks of {@code chunks} and dtype {@code dtype} (JSON null without predictor). */
    public static JsonNode filters(LevelLayout level, List<Integer> chunks, String dtype) {
        int predictor = level.predictor();
        if (predictor == PREDICTOR_NONE) {
            return NullNode.instance;
        }
        boolean horizontal = predictor == PREDICTOR_HORIZONTAL || predictor == PREDICTOR_HORIZONTAL_X2
                || predictor == PREDICTOR_HORIZONTAL_X4;
        int dist = predictor <= PREDICTOR_FLOATING_POINT ? 1
                : predictor == PREDICTOR_HORIZONTAL_X2 || predictor == PREDICTOR_FLOATING_POINT_X2 ? DIST_2 : DIST_4;
        ObjectNode filter = JSON.objectNode()
                .put("axis", level.chunkyMultiSample() ? AXIS_SAMPLES_LAST : AXIS_LAST)
                .put("dist", dist)
                .put("dtype", dtype)
                .put("id", horizontal ? "imagecodecs_delta" : "imagecodecs_floatpred");
        ArrayNode shape = filter.putArray("shape");
        chunks.forEach(shape::add);
        return JSON.arrayNode().add(filter);
    }
}
