package dev.stacstream.sinks.kerchunk.tiff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.stacstream.cog.raster.DataType;
import dev.stacstream.sinks.kerchunk.zarr.ZarrArray;
import java.util.ArrayList;
import java.util.List;

/**
 * The zarr array of one TIFF image, as tifffile's {@code ZarrTiffStore} describes it: shape and chunks (with the
 * trailing sample axis of chunky images or the leading one of planar images), dtype in the file's byte order,
 * compressor, predictor filter and fill value. The C-order chunk number of a block is its TIFF block index.
 */
public final class LevelArrays {

    private LevelArrays() {}

    /** The array of {@code level}; call {@link ReferenceValidator#check} first. */
    public static ZarrArray array(LevelLayout level) {
        List<Integer> shape = new ArrayList<>(List.of(level.height(), level.width()));
        List<Integer> chunks = new ArrayList<>(List.of(level.blockHeight(), level.tiled() ? level.blockWidth()
                : level.width()));
        if (level.samples() > 1) {
            if (level.planar()) {
                shape.add(0, level.samples());
                chunks.add(0, 1);
            } else {
                shape.add(level.samples());
                chunks.add(level.samples());
            }
        }
        DataType type = level.dataType();
        if (type == null) {
            throw new IllegalArgumentException(level + " has no numpy dtype: validate it first");
        }
        String dtype = type.numpyTypeString(level.byteOrder());
        return new ZarrArray(shape, chunks, dtype, TiffCodecs.compressor(level),
                TiffCodecs.filters(level, chunks, dtype), fillValue(type, level.nodata()));
    }

    /** The dimension names of a level of {@code level}'s layout: {@code y, x}, then {@code band} where it lies. */
    public static List<String> dimensions(LevelLayout level) {
        if (level.samples() <= 1) {
            return List.of("y", "x");
        }
        return level.planar() ? List.of("band", "y", "x") : List.of("y", "x", "band");
    }

    /**
     * The zarr fill value for GDAL_NODATA {@code nodata} (tifffile's {@code keyframe.nodata} through
     * {@code ZarrStore._value}): integers for integer types, {@code "NaN"}, {@code "Infinity"} and
     * {@code "-Infinity"} for non-finite floats, and 0 when there is no nodata or an integer type's nodata is not an
     * integer of that type (tifffile then keeps its default 0).
     */
    public static JsonNode fillValue(DataType type, Double nodata) {
        if (type.isFloating()) {
            if (nodata == null) {
                return DoubleNode.valueOf(0.0);
            }
            if (Double.isNaN(nodata)) {
                return TextNode.valueOf("NaN");
            }
            if (Double.isInfinite(nodata)) {
                return TextNode.valueOf(nodata > 0 ? "Infinity" : "-Infinity");
            }
            return DoubleNode.valueOf(nodata);
        }
        if (nodata == null || !isIntegerOf(type, nodata)) {
            return IntNode.valueOf(0);
        }
        long value = nodata.longValue();
        return value == (int) value ? IntNode.valueOf((int) value) : LongNode.valueOf(value);
    }

    private static boolean isIntegerOf(DataType type, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v) || v != Math.rint(v)) {
            return false;
        }
        int bits = type.bits();
        if (type.isSigned()) {
            double min = -Math.pow(2, bits - 1);
            return v >= min && v < -min;
        }
        // A JSON integer above Long.MAX_VALUE is not written: uint64 nodata that large falls back to 0.
        return v >= 0 && v < Math.pow(2, Math.min(bits, Long.SIZE - 1));
    }
}
