package dev.stacstream.stac.client;

import dev.stacstream.storage.StorageOptions;
import java.util.Objects;

/** {@link ItemSearchProvider#api}: serializable settings of a STAC API search. */
record ApiSearchProvider(String apiUrl, StorageOptions options) implements ItemSearchProvider {

    private static final long serialVersionUID = 1L;

    ApiSearchProvider {
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(options, "options");
    }

    @Override
    public ItemSearch create() {
        return StacApiClient.builder(apiUrl).options(options).build();
    }
}
