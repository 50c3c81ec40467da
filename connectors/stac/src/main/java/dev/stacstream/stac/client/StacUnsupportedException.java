package dev.stacstream.stac.client;

/**
 * The request is valid STAC but this endpoint cannot answer it, e.g. a CQL2 {@code filter} against a static catalog
 * (which has no server-side search), or a {@code next} link with an HTTP method other than GET or POST.
 */
public final class StacUnsupportedException extends StacException {

    private static final long serialVersionUID = 1L;

    public StacUnsupportedException(String location, String detail) {
        super(location, detail, false, null);
    }
}
