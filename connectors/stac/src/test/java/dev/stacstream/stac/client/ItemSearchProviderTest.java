package dev.stacstream.stac.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.stac.catalog.CatalogWalker;
import dev.stacstream.stac.model.StacItem;
import dev.stacstream.stac.testing.StaticCatalogFixture;
import dev.stacstream.storage.StorageOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Providers are serializable configuration that create working searches where they are deserialized. */
class ItemSearchProviderTest {

    private static ItemSearchProvider roundTrip(ItemSearchProvider provider) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(provider);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (ItemSearchProvider) in.readObject();
        }
    }

    @Test
    void catalogProviderSurvivesSerializationAndWalks(@TempDir Path dir) throws Exception {
        Path root = StaticCatalogFixture.standard().write(dir);
        ItemSearchProvider provider = roundTrip(ItemSearchProvider.catalog(root.toString(), StorageOptions.defaults()));

        List<String> ids = new ArrayList<>();
        try (ItemSearch search = provider.create()) {
            assertThat(search).isInstanceOf(CatalogWalker.class);
            search.search(SearchRequest.builder().build(), page -> page.stream().map(StacItem::id).forEach(ids::add));
        }

        assertThat(ids).containsExactlyElementsOf(StaticCatalogFixture.itemIds());
        assertThat(provider).isEqualTo(ItemSearchProvider.catalog(root.toString(), StorageOptions.defaults()));
    }

    @Test
    void apiProviderSurvivesSerializationAndCreatesAClientOfThatApi() throws Exception {
        ItemSearchProvider provider = roundTrip(ItemSearchProvider.api("https://earth-search.aws.element84.com/v1/",
                StorageOptions.defaults()));

        try (ItemSearch search = provider.create()) {
            assertThat(search).isInstanceOfSatisfying(StacApiClient.class,
                    c -> assertThat(c.apiUrl()).isEqualTo("https://earth-search.aws.element84.com/v1"));
        }
    }
}
