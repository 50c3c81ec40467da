package dev.stacstream.job.config;

import java.io.Serializable;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/** Where the items come from: a static catalog ({@code source.catalog}) or a STAC API ({@code source.api}). */
public sealed interface StacEndpoint extends Serializable {

    /** The absolute URI of the catalog file or of the API's landing page. */
    URI uri();

    /**
     * A static STAC catalog: the URI of its root {@code catalog.json} ({@code file://}, {@code http(s)://} or
     * {@code s3://}); the walker follows its {@code child} and {@code item} links.
     */
    record Catalog(URI uri) implements StacEndpoint {
        private static final long serialVersionUID = 1L;

        public Catalog {
            Objects.requireNonNull(uri, "catalog uri");
            if (!uri.isAbsolute()) {
                throw new IllegalArgumentException("the catalog URI " + uri + " is not absolute");
            }
        }
    }

    /** A STAC API: the URL of its landing page; items are searched at {@code <url>/search}. */
    record Api(URI uri) implements StacEndpoint {
        private static final long serialVersionUID = 1L;

        public Api {
            Objects.requireNonNull(uri, "api url");
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new IllegalArgumentException("expected an http(s) URL of a STAC API, got '" + uri + "'");
            }
        }
    }
}
