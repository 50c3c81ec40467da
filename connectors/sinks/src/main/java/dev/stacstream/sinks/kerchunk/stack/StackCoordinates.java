package dev.stacstream.sinks.kerchunk.stack;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stacstream.sinks.kerchunk.ManifestFormatException;
import dev.stacstream.sinks.kerchunk.zarr.ZarrArray;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The coordinate arrays along a stack's time axis (spec §4): {@code time} ({@code <i8} microseconds since the
 * epoch), {@code item_id} ({@code <U<n>}, UTF-32LE as numpy stores it), {@code scale} and {@code offset}
 * ({@code <f8}). Each is one chunk, stored inline; this class encodes and decodes those chunks.
 */
final class StackCoordinates {

    static final String TIME = "time";
    static final String ITEM_ID = "item_id";
    static final String SCALE = "scale";
    static final String OFFSET = "offset";
    static final List<String> NAMES = List.of(TIME, ITEM_ID, SCALE, OFFSET);

    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
    private static final int UTF32_BYTES = 4;
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long NANOS_PER_MICRO = 1_000L;
    private static final String TIME_UNITS = "microseconds since 1970-01-01";
    private static final String CALENDAR = "proleptic_gregorian";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private StackCoordinates() {}

    /** Microseconds since the epoch (sub-microsecond parts truncated, as STAC datetimes have none). */
    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), MICROS_PER_SECOND), t.getNano() / NANOS_PER_MICRO);
    }

    /** The array definitions for {@code entries}. */
    static Map<String, ZarrArray> arrays(List<StackEntry> entries) {
        int t = entries.size();
        Map<String, ZarrArray> out = new LinkedHashMap<>();
        out.put(TIME, oneChunk(t, "<i8"));
        out.put(ITEM_ID, oneChunk(t, "<U" + idLength(entries)));
        out.put(SCALE, oneChunk(t, "<f8"));
        out.put(OFFSET, oneChunk(t, "<f8"));
        return out;
    }

    private static ZarrArray oneChunk(int t, String dtype) {
        return new ZarrArray(List.of(t), List.of(Math.max(t, 1)), dtype, NullNode.instance, NullNode.instance,
                NullNode.instance);
    }

    /** The attributes of coordinate {@code name}. */
    static ObjectNode attributes(String name) {
        ObjectNode attrs = JSON.objectNode();
        attrs.putArray("_ARRAY_DIMENSIONS").add(TIME);
        if (name.equals(TIME)) {
            attrs.put("calendar", CALENDAR);
            attrs.put("units", TIME_UNITS);
        }
        return attrs;
    }

    /** The single chunk of each coordinate, by name. */
    static Map<String, byte[]> encode(List<StackEntry> entries) {
        int t = entries.size();
        int idLength = idLength(entries);
        ByteBuffer time = le(t * Long.BYTES);
        ByteBuffer ids = le(t * idLength * UTF32_BYTES);
        ByteBuffer scale = le(t * Double.BYTES);
        ByteBuffer offset = le(t * Double.BYTES);
        for (StackEntry e : entries) {
            time.putLong(e.micros());
            int start = ids.position();
            ids.put(e.itemId().getBytes(UTF_32LE));
            ids.position(start + idLength * UTF32_BYTES);
            scale.putDouble(e.scale());
            offset.putDouble(e.offset());
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put(TIME, time.array());
        out.put(ITEM_ID, ids.array());
        out.put(SCALE, scale.array());
        out.put(OFFSET, offset.array());
        return out;
    }

    /**
     * The entries stored in coordinate chunks {@code chunks} (by name) of arrays {@code arrays} (by name).
     *
     * @throws ManifestFormatException if they do not hold {@code t} consistent values
     */
    static List<StackEntry> decode(int t, Map<String, ZarrArray> arrays, Map<String, byte[]> chunks, String source) {
        for (String name : NAMES) {
            ZarrArray a = arrays.get(name);
            if (a == null || !a.shape().equals(List.of(t))) {
                throw new ManifestFormatException(source, "coordinate '" + name + "' is missing or does not have "
                        + t + " values");
            }
        }
        String idType = arrays.get(ITEM_ID).dtype();
        int idLength = idType.startsWith("<U") ? Integer.parseInt(idType.substring(2)) : -1;
        ByteBuffer time = chunk(chunks, TIME, (long) t * Long.BYTES, source);
        ByteBuffer ids = chunk(chunks, ITEM_ID, (long) t * idLength * UTF32_BYTES, source);
        ByteBuffer scale = chunk(chunks, SCALE, (long) t * Double.BYTES, source);
        ByteBuffer offset = chunk(chunks, OFFSET, (long) t * Double.BYTES, source);
        List<StackEntry> out = new ArrayList<>(t);
        byte[] id = new byte[Math.max(idLength, 0) * UTF32_BYTES];
        for (int i = 0; i < t; i++) {
            ids.get(id);
            String text = new String(id, UTF_32LE);
            int end = text.indexOf('\0');
            out.add(new StackEntry(end < 0 ? text : text.substring(0, end), time.getLong(), scale.getDouble(),
                    offset.getDouble()));
        }
        return out;
    }

    private static ByteBuffer chunk(Map<String, byte[]> chunks, String name, long expected, String source) {
        byte[] bytes = chunks.get(name);
        if (bytes == null || expected < 0 || bytes.length != expected) {
            throw new ManifestFormatException(source, "coordinate '" + name + "' chunk is "
                    + (bytes == null ? "missing" : bytes.length + " bytes") + ", expected " + expected + " inline bytes");
        }
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int idLength(List<StackEntry> entries) {
        int max = 1;
        for (StackEntry e : entries) {
            max = Math.max(max, e.itemId().codePointCount(0, e.itemId().length()));
        }
        return max;
    }
}
