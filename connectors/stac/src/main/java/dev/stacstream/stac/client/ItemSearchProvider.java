package dev.stacstream.stac.client;

import dev.stacstream.storage.StorageOptions;
import java.io.Serializable;

/**
 * Creates {@link ItemSearch} instances where they run (inside Flink operators): the provider is serializable
 * configuration, the search it creates holds connections and is not (STYLE E7).
 */
public interface ItemSearchProvider extends Serializable {

    /** A new search; the caller closes it. */
    ItemSearch create();

    /**
     * Searches a STAC API's {@code /search} endpoint (POST, following every next link).
     *
     * @param apiUrl the API root (landing page) URL, e.g. {@code https://earth-search.aws.element84.com/v1}
     * @param options timeouts and retry policy of the HTTP requests
     */
    static ItemSearchProvider api(String apiUrl, StorageOptions options) {
        return new ApiSearchProvider(apiUrl, options);
    }

    /**
     * Walks a static catalog from its root document, applying the request's collections, ids, bbox and datetime
     * locally (a static catalog has no server-side search).
     *
     * @param catalogUri {@code catalog.json} (or a collection) as a local path, {@code file:}, {@code http(s):}
     *     or {@code s3:} URI
     * @param options storage settings used to read every document
     */
    static ItemSearchProvider catalog(String catalogUri, StorageOptions options) {
        return new CatalogSearchProvider(catalogUri, options);
    }
}
