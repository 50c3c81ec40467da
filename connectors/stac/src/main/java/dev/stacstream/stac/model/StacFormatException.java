package dev.stacstream.stac.model;

/**
 * A JSON document is not the STAC object it should be: not JSON at all, a required member missing or of the
 * wrong type, a date-time that is not RFC 3339. Malformed input, so never worth retrying.
 *
 * <p>The message names the document (its URI, or the item id when that is all that is known) and the member
 * at fault, e.g. {@code "STAC item 'S2A_X': properties.datetime '2020-13-01' is not an RFC 3339 date-time"}.
 * The discovery layer turns these into skipped items (one bad item) or into a
 * {@code dev.stacstream.stac.client.StacException} (a whole page or catalog that cannot be read).
 */
public final class StacFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String problem;

    /**
     * @param source what was being read: a URI, or a description such as {@code "STAC item 'x'"}
     * @param problem what is wrong with it
     */
    public StacFormatException(String source, String problem) {
        this(source, problem, null);
    }

    public StacFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
        this.problem = problem;
    }

    /** The document that is malformed (a URI or a description). */
    public String source() {
        return source;
    }

    /** The problem alone, without the source. */
    public String problem() {
        return problem;
    }
}
