package dev.stacstream.stac.client;

import dev.stacstream.stac.catalog.CatalogWalker;
import dev.stacstream.storage.StorageOptions;
import java.util.Objects;

/** {@link ItemSearchProvider#catalog}: serializable settings of a static catalog walk. */
record CatalogSearchProvider(String catalogUri, StorageOptions options) implements ItemSearchProvider {

    private static final long serialVersionUID = 1L;

    CatalogSearchProvider {
        Objects.requireNonNull(catalogUri, "catalogUri");
        Objects.requireNonNull(options, "options");
    }

    @Override
    public ItemSearch create() {
        return CatalogWalker.open(catalogUri, options);
    }
}
