package dev.stacstream.sinks.parquet;

import java.nio.charset.StandardCharsets;
import org.apache.parquet.io.api.Binary;

/**
 * The UTF-8 {@link Binary} of one column's latest label string, encoded again only when the label changes.
 *
 * <p>Label columns ({@code collection}, {@code band}, {@code crs}, …) repeat one value over long runs of rows. The
 * reference is compared first; an equal copy of the label (each chunk restored from keyed state brings its own
 * strings) keeps the same {@code Binary} instance, so the pages' dictionary and statistics, which look at a value
 * only when its instance changes, still see a repeat, and becomes the new reference. Not thread-safe.
 */
final class LabelBinary {

    private String last;
    private Binary binary;

    /** The constant UTF-8 bytes of {@code label}, or {@code null} for {@code null}. */
    Binary of(String label) {
        if (label != last) {
            if (label == null) {
                binary = null;
            } else if (!label.equals(last)) {
                binary = Binary.fromConstantByteArray(label.getBytes(StandardCharsets.UTF_8));
            }
            last = label;
        }
        return binary;
    }
}
