package dev.stacstream.stac.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The projection extension's {@code proj:*} fields of an item (in its properties) or of an asset.
 *
 * <p>{@code proj:epsg} (projection extension 1.x) and {@code proj:code} (2.x, e.g. {@code "EPSG:32613"}) are both
 * understood; {@link #code()} gives the authority code either way. {@code shape} is {@code [rows, columns]};
 * {@code transform} is the affine transform in rasterio order {@code [a, b, c, d, e, f]} (optionally followed by
 * {@code 0, 0, 1}), so {@code x = a*col + b*row + c}, {@code y = d*col + e*row + f}.
 */
public record Projection(
        Optional<String> code,
        Optional<String> wkt2,
        List<Integer> shape,
        List<Double> transform,
        List<Double> bbox) {

    private static final String EPSG_PREFIX = "EPSG:";

    /** No projection information. */
    public static Projection empty() {
        return new Projection(Optional.empty(), Optional.empty(), List.of(), List.of(), List.of());
    }

    /** Reads the {@code proj:*} members of {@code node} (item properties or an asset), {@code path} naming it. */
    static Projection fromNode(JsonNode node, String path, JsonFields fields) {
        Optional<String> code = fields.text(node, "proj:code", path + ".proj:code");
        if (code.isEmpty()) {
            OptionalInt epsg = fields.integer(node, "proj:epsg", path + ".proj:epsg");
            if (epsg.isPresent()) {
                code = Optional.of(EPSG_PREFIX + epsg.getAsInt());
            }
        }
        List<Double> shape = fields.numbers(node, "proj:shape", path + ".proj:shape");
        return new Projection(
                code,
                fields.text(node, "proj:wkt2", path + ".proj:wkt2"),
                shape.stream().map(Double::intValue).toList(),
                fields.numbers(node, "proj:transform", path + ".proj:transform"),
                fields.numbers(node, "proj:bbox", path + ".proj:bbox"));
    }

    /** The EPSG code, when {@link #code()} is an EPSG code. */
    public OptionalInt epsg() {
        if (code.isPresent() && code.get().toUpperCase(Locale.ROOT).startsWith(EPSG_PREFIX)) {
            try {
                return OptionalInt.of(Integer.parseInt(code.get().substring(EPSG_PREFIX.length())));
            } catch (NumberFormatException notAnInteger) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.empty();
    }

    /** Whether no field is set. */
    public boolean isEmpty() {
        return code.isEmpty() && wkt2.isEmpty() && shape.isEmpty() && transform.isEmpty() && bbox.isEmpty();
    }

    /**
     * This (asset-level) projection with missing fields taken from {@code fallback} (the item's), which is how STAC
     * defines asset fields: an asset value overrides the item's for that asset only. The CRS ({@code code} and
     * {@code wkt2}) is taken as a whole from one side, so an asset's WKT never pairs with the item's EPSG code.
     */
    public Projection orElse(Projection fallback) {
        boolean ownCrs = code.isPresent() || wkt2.isPresent();
        return new Projection(
                ownCrs ? code : fallback.code,
                ownCrs ? wkt2 : fallback.wkt2,
                shape.isEmpty() ? fallback.shape : shape,
                transform.isEmpty() ? fallback.transform : transform,
                bbox.isEmpty() ? fallback.bbox : bbox);
    }
}
