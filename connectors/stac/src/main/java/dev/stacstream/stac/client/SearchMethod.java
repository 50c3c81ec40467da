package dev.stacstream.stac.client;

/** How the first search request is sent; next pages use whatever method their {@code next} link says. */
public enum SearchMethod {
    /** {@code POST /search} with a JSON body (the default, as in pystac-client; no URL length limits). */
    POST,
    /** {@code GET /search?...}, for servers that do not accept POST. */
    GET
}
