package dev.stacstream.sinks.kerchunk;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * Where the bytes of one zarr chunk are: a byte range of a remote file, or the bytes themselves (inlined).
 * Ranges are half-open, {@code [offset, offset + length)}, and never empty.
 */
public sealed interface ChunkRef {

    /** Prefix kerchunk puts before base64-encoded inline data. */
    String BASE64_PREFIX = "base64:";

    /** The chunk is bytes {@code [offset, offset + length)} of {@code url}. */
    record Range(String url, long offset, long length) implements ChunkRef {
        public Range {
            Objects.requireNonNull(url, "url");
            if (offset < 0 || length <= 0) {
                throw new IllegalArgumentException(String.format("chunk range [%d, %d) of %s is empty or negative",
                        offset, offset + length, url));
            }
        }

        @Override
        public String toString() {
            return url + " [" + offset + ", " + (offset + length) + ")";
        }
    }

    /** The chunk's bytes, stored in the manifest itself. */
    record Inline(byte[] data) implements ChunkRef {
        public Inline {
            Objects.requireNonNull(data, "data");
        }

        /**
         * The kerchunk JSON form: the bytes as text when they are all ASCII (as {@code kerchunk.utils.consolidate}
         * keeps them), else {@code "base64:" + base64}. ASCII text that itself begins with the prefix is
         * base64-encoded so that it cannot be misread.
         */
        public String jsonText() {
            if (isAscii(data)) {
                String text = new String(data, StandardCharsets.US_ASCII);
                if (!text.startsWith(BASE64_PREFIX)) {
                    return text;
                }
            }
            return BASE64_PREFIX + Base64.getEncoder().encodeToString(data);
        }

        /** Parses the JSON form written by {@link #jsonText()} (or by kerchunk). */
        public static Inline fromJsonText(String text) {
            if (text.startsWith(BASE64_PREFIX)) {
                return new Inline(Base64.getDecoder().decode(text.substring(BASE64_PREFIX.length())));
            }
            return new Inline(text.getBytes(StandardCharsets.UTF_8));
        }

        private static boolean isAscii(byte[] bytes) {
            for (byte b : bytes) {
                if (b < 0) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Inline i && Arrays.equals(data, i.data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "inline " + data.length + " bytes";
        }
    }
}
