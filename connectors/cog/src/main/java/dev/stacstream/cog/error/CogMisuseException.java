package dev.stacstream.cog.error;

/** The caller asked for something the file cannot give: a level, window or band out of range. */
public final class CogMisuseException extends CogException {

    public CogMisuseException(ErrorContext context, String problem) {
        super(context, problem, null);
    }

    public CogMisuseException(ErrorContext context, String problem, Throwable cause) {
        super(context, problem, cause);
    }

    @Override
    public String kind() {
        return "misuse";
    }
}
