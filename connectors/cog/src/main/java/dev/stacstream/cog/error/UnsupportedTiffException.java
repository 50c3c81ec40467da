package dev.stacstream.cog.error;

/** A valid TIFF that uses a feature this reader does not decode (a codec, sample layout or bit depth); never answered with wrong pixels. */
public final class UnsupportedTiffException extends CogException {

    public UnsupportedTiffException(ErrorContext context, String problem) {
        super(context, problem, null);
    }

    public UnsupportedTiffException(ErrorContext context, String problem, Throwable cause) {
        super(context, problem, cause);
    }

    @Override
    public String kind() {
        return "unsupported";
    }
}
