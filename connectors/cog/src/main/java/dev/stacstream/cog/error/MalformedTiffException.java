package dev.stacstream.cog.error;

/** The bytes are not a valid TIFF/GeoTIFF (bad magic, offsets past the end, inconsistent tag arrays, a codec stream that does not decode). */
public final class MalformedTiffException extends CogException {

    public MalformedTiffException(ErrorContext context, String problem) {
        super(context, problem, null);
    }

    public MalformedTiffException(ErrorContext context, String problem, Throwable cause) {
        super(context, problem, cause);
    }

    @Override
    public String kind() {
        return "malformed";
    }
}
