package dev.stacstream.cog.tiff;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;

/**
 * One Image File Directory as stored: its position in the IFD chain, its byte offset and its fields by
 * tag. Interpretation (image layout, georeferencing) lives in {@link ImageLayout} and the geo package.
 */
public record Ifd(int index, long offset, Map<Integer, TiffField> fields) {

    public Ifd {
        fields = Collections.unmodifiableMap(fields);
    }

    public Optional<TiffField> field(int tag) {
        return Optional.ofNullable(fields.get(tag));
    }

    public boolean has(int tag) {
        return fields.containsKey(tag);
    }

    /** The first value of an integer field, or {@code defaultValue} when the tag is absent. */
    public long longOr(int tag, long defaultValue) {
        TiffField f = fields.get(tag);
        return f == null || f.longs() == null || f.longs().length == 0 ? defaultValue : f.longValue();
    }
}
