package dev.stacstream.stac.client;

import dev.stacstream.stac.model.StacFormatException;

/**
 * A response or catalog document is not the STAC JSON expected: malformed JSON, a page that is not a
 * FeatureCollection, a catalog without links of the right shape. Names the URL/URI and the problem; not retryable.
 */
public final class StacDocumentException extends StacException {

    private static final long serialVersionUID = 1L;

    public StacDocumentException(String location, String problem) {
        super(location, problem, false, null);
    }

    /** Wraps a model parsing error for the document at {@code location}. */
    public StacDocumentException(String location, StacFormatException cause) {
        super(location, cause.problem(), false, cause);
    }
}
