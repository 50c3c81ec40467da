package dev.stacstream.cog.codec;

/**
 * A block's bytes could not be decoded (corrupt stream, too few bytes, or an encoding variant the codec
 * does not handle). The reader wraps it with the file, IFD, block and byte range.
 */
public class CodecException extends RuntimeException {

    private final boolean unsupported;

    private CodecException(String message, Throwable cause, boolean unsupported) {
        super(message, cause);
        this.unsupported = unsupported;
    }

    /** The stream is corrupt or short. */
    public static CodecException corrupt(String message, Throwable cause) {
        return new CodecException(message, cause, false);
    }

    public static CodecException corrupt(String message) {
        return corrupt(message, null);
    }

    /** The stream is valid but uses a variant this codec does not decode (e.g. 12-bit JPEG). */
    public static CodecException unsupported(String message) {
        return new CodecException(message, null, true);
    }

    public boolean isUnsupported() {
        return unsupported;
    }
}
