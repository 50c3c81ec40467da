package dev.stacstream.cog.error;

/**
 * Base of every error the COG reader raises. Each carries the context a user needs to find the problem:
 * the file, and where known the IFD, the block (tile or strip) index and the byte range.
 *
 * <p>Four kinds, as in async-tiff and GeoTrellis: {@link MalformedTiffException} (the bytes are not a
 * valid TIFF), {@link UnsupportedTiffException} (valid, but a feature this reader does not decode),
 * {@link CogMisuseException} (the caller asked for something impossible, e.g. a level or window out of
 * range) and {@link CogIoException} (reading the bytes failed).
 */
public abstract class CogException extends RuntimeException {

    private final ErrorContext context;

    protected CogException(ErrorContext context, String problem, Throwable cause) {
        super(context.describe(problem), cause);
        this.context = context;
    }

    /** The kind, as a stable lower-case word for tables and logs: malformed, unsupported, misuse, io. */
    public abstract String kind();

    public ErrorContext context() {
        return context;
    }
}
