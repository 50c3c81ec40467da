package dev.stacstream.cog.error;

/** Reading the file's bytes failed (the storage layer gave up after its retries, or the object is missing). */
public final class CogIoException extends CogException {

    public CogIoException(ErrorContext context, String problem) {
        super(context, problem, null);
    }

    public CogIoException(ErrorContext context, String problem, Throwable cause) {
        super(context, problem, cause);
    }

    @Override
    public String kind() {
        return "io";
    }
}
