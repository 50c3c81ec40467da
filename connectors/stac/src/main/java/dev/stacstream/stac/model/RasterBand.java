package dev.stacstream.stac.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One entry of {@code raster:bands} (raster extension): how to interpret the stored values of one band.
 *
 * <p>Physical value = {@code stored * scale + offset}. Sentinel-2 items from processing baseline 04.00 on carry
 * {@code offset -0.1} with {@code scale 0.0001} (BOA_ADD_OFFSET), so both must be applied per item. The extension
 * writes non-finite nodata as the strings {@code "nan"}, {@code "inf"} and {@code "-inf"}; they read as the
 * corresponding doubles.
 */
public record RasterBand(
        OptionalDouble nodata,
        Optional<RasterDataType> dataType,
        OptionalDouble scale,
        OptionalDouble offset,
        OptionalInt bitsPerSample,
        OptionalDouble spatialResolution,
        Optional<String> unit) {

    /** Scale to use when none is given. */
    public static final double DEFAULT_SCALE = 1.0;
    /** Offset to use when none is given. */
    public static final double DEFAULT_OFFSET = 0.0;

    static RasterBand fromNode(JsonNode node, String path, JsonFields fields) {
        if (!node.isObject()) {
            throw fields.error(path, "must be an object, found " + StacJson.kind(node));
        }
        Optional<RasterDataType> dataType = fields.text(node, "data_type", path + ".data_type").map(name ->
                RasterDataType.fromName(name).orElseThrow(() ->
                        fields.error(path + ".data_type", "'" + name + "' is not a raster:bands data type")));
        return new RasterBand(
                nodata(node, path + ".nodata", fields),
                dataType,
                fields.number(node, "scale", path + ".scale"),
                fields.number(node, "offset", path + ".offset"),
                fields.integer(node, "bits_per_sample", path + ".bits_per_sample"),
                fields.number(node, "spatial_resolution", path + ".spatial_resolution"),
                fields.text(node, "unit", path + ".unit"));
    }

    /** {@link #scale()} or {@value #DEFAULT_SCALE}. */
    public double scaleOrDefault() {
        return scale.orElse(DEFAULT_SCALE);
    }

    /** {@link #offset()} or {@value #DEFAULT_OFFSET}. */
    public double offsetOrDefault() {
        return offset.orElse(DEFAULT_OFFSET);
    }

    private static OptionalDouble nodata(JsonNode node, String path, JsonFields fields) {
        JsonNode value = node.get("nodata");
        if (JsonFields.absent(value)) {
            return OptionalDouble.empty();
        }
        if (value.isNumber()) {
            return OptionalDouble.of(value.asDouble());
        }
        if (value.isTextual()) {
            switch (value.asText().trim().toLowerCase(Locale.ROOT)) {
                case "nan":
                    return OptionalDouble.of(Double.NaN);
                case "inf":
                    return OptionalDouble.of(Double.POSITIVE_INFINITY);
                case "-inf":
                    return OptionalDouble.of(Double.NEGATIVE_INFINITY);
                default:
                    break;
            }
        }
        throw fields.error(path, "must be a number or one of \"nan\", \"inf\", \"-inf\", found " + value);
    }
}
