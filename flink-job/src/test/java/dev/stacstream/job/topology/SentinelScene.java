package dev.stacstream.job.topology;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stacstream.cog.testing.TestCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The real Sentinel-2 corpus scene (B04, B08 at 100 m, SCL at 200 m) as a one-item static STAC catalog in a
 * temporary folder: the recorded item with its asset hrefs pointed at the corpus files on disk.
 */
final class SentinelScene {

    static final String ITEM_ID = "S2A_29RKH_20200219_0_L2A";
    static final Map<String, String> FILES = Map.of("red", "B04.tif", "nir", "B08.tif", "scl", "SCL.tif");

    private SentinelScene() {}

    static Path sceneDir() {
        return TestCorpus.require().resolve("rasters/sentinel2/" + ITEM_ID + "/" + ITEM_ID + ".json").getParent();
    }

    /** Writes {@code dir/catalog.json} and {@code dir/items/ITEM.json}; returns the catalog path. */
    static Path writeCatalog(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode item = (ObjectNode) json.readTree(sceneDir().resolve(ITEM_ID + ".json").toFile());
        for (Map.Entry<String, String> e : FILES.entrySet()) {
            ((ObjectNode) item.get("assets").get(e.getKey())).put("href", sceneDir().resolve(e.getValue()).toUri().toString());
        }
        item.putArray("links");
        Path items = Files.createDirectories(dir.resolve("items"));
        json.writeValue(items.resolve(ITEM_ID + ".json").toFile(), item);
        ObjectNode catalog = json.createObjectNode();
        catalog.put("type", "Catalog").put("stac_version", "1.0.0").put("id", "corpus").put("description", "corpus scene");
        ArrayNode links = catalog.putArray("links");
        links.addObject().put("rel", "item").put("href", "./items/" + ITEM_ID + ".json").put("type", "application/geo+json");
        Path file = dir.resolve("catalog.json");
        json.writeValue(file.toFile(), catalog);
        return file;
    }
}
