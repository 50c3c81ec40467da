package dev.stacstream.sinks.kerchunk;

/**
 * A manifest (or part of one) that was read back is not what this library writes or understands: malformed input,
 * never worth retrying. The message names the manifest's location and the problem.
 */
public final class ManifestFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ManifestFormatException(String source, String problem) {
        super(source + ": " + problem);
    }

    public ManifestFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
    }
}
