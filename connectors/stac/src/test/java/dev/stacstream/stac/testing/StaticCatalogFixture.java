package dev.stacstream.stac.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Writes a small static STAC catalog, with relative hrefs throughout, the way stactools/pystac lay one out:
 *
 * <pre>
 * catalog.json                                   Catalog "root"
 * ├── sentinel-2-l2a/collection.json             Collection; items name it in "collection"
 * │   └── s2-a/s2-a.json ... s2-d/s2-d.json      assets ./B04.tif, ./SCL.tif (B04 with raster:bands)
 * └── landsat/catalog.json                       sub-catalog
 *     └── landsat-c2-l2/collection.json          Collection; its items omit "collection"
 *         └── lc-a/lc-a.json, lc-b/lc-b.json     lc-b has start/end_datetime and "datetime": null
 * </pre>
 *
 * <p>With {@link #withProblems()}, the sentinel-2-l2a collection also links an item without assets, one with a
 * null geometry, one that is not JSON, one that does not exist, and a second link to {@code s2-a}; and the root
 * links itself as a child (a cycle).
 */
public final class StaticCatalogFixture {

    /** One well-formed item of the fixture. */
    public record ItemSpec(String id, String collection, String datetime, String start, String end,
            List<Double> bbox) {}

    public static final String S2 = "sentinel-2-l2a";
    public static final String LANDSAT = "landsat-c2-l2";

    /** The well-formed items, in walk order (depth-first, links in document order). */
    public static final List<ItemSpec> ITEMS = List.of(
            new ItemSpec("s2-a", S2, "2023-01-01T10:00:00Z", null, null, List.of(10.0, 45.0, 11.0, 46.0)),
            new ItemSpec("s2-b", S2, "2023-01-11T10:00:00Z", null, null, List.of(10.0, 45.0, 11.0, 46.0)),
            new ItemSpec("s2-c", S2, "2023-02-01T10:00:00Z", null, null, List.of(20.0, 50.0, 21.0, 51.0)),
            // crosses the antimeridian: west > east
            new ItemSpec("s2-d", S2, "2023-03-01T10:00:00Z", null, null, List.of(179.5, -17.0, -179.5, -16.0)),
            new ItemSpec("lc-a", LANDSAT, "2023-01-05T17:00:00Z", null, null, List.of(10.5, 45.5, 11.5, 46.5)),
            new ItemSpec("lc-b", LANDSAT, null, "2023-02-10T00:00:00Z", "2023-02-12T00:00:00Z",
                    List.of(30.0, 10.0, 31.0, 11.0)));

    /** Ids of the problem items, as written (the malformed and missing ones have no readable id). */
    public static final String NO_ASSETS = "s2-no-assets";
    public static final String NO_GEOMETRY = "s2-no-geometry";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private boolean problems;

    private StaticCatalogFixture() {}

    public static StaticCatalogFixture standard() {
        return new StaticCatalogFixture();
    }

    /** Adds the broken items and links described on the class. */
    public StaticCatalogFixture withProblems() {
        problems = true;
        return this;
    }

    /** Writes the tree under {@code dir} and returns the root {@code catalog.json}. */
    public Path write(Path dir) {
        ObjectNode root = catalog("Catalog", "root");
        link(root, "child", "./sentinel-2-l2a/collection.json");
        link(root, "child", "./landsat/catalog.json");
        if (problems) {
            link(root, "child", "./catalog.json");
        }
        write(dir.resolve("catalog.json"), root);

        ObjectNode s2 = collection(S2);
        parents(s2, "../catalog.json");
        for (ItemSpec item : ITEMS.subList(0, 4)) {
            link(s2, "item", "./" + item.id() + "/" + item.id() + ".json");
            write(dir.resolve(S2).resolve(item.id()).resolve(item.id() + ".json"), item(item, true));
        }
        if (problems) {
            addProblems(dir.resolve(S2), s2);
        }
        write(dir.resolve(S2).resolve("collection.json"), s2);

        ObjectNode landsat = catalog("Catalog", "landsat");
        parents(landsat, "../catalog.json");
        link(landsat, "child", "./landsat-c2-l2/collection.json");
        write(dir.resolve("landsat").resolve("catalog.json"), landsat);

        ObjectNode lc = collection(LANDSAT);
        parents(lc, "../catalog.json");
        for (ItemSpec item : ITEMS.subList(4, 6)) {
            link(lc, "item", "./" + item.id() + "/" + item.id() + ".json");
            write(dir.resolve("landsat").resolve(LANDSAT).resolve(item.id()).resolve(item.id() + ".json"),
                    item(item, false));
        }
        write(dir.resolve("landsat").resolve(LANDSAT).resolve("collection.json"), lc);
        return dir.resolve("catalog.json");
    }

    /** The ids of {@link #ITEMS}, in walk order. */
    public static List<String> itemIds() {
        return ITEMS.stream().map(ItemSpec::id).toList();
    }

    private void addProblems(Path s2Dir, ObjectNode s2) {
        ObjectNode noAssets = item(new ItemSpec(NO_ASSETS, S2, "2023-01-02T00:00:00Z", null, null,
                List.of(10.0, 45.0, 11.0, 46.0)), true);
        noAssets.putObject("assets");
        ObjectNode noGeometry = item(new ItemSpec(NO_GEOMETRY, S2, "2023-01-03T00:00:00Z", null, null,
                List.of(10.0, 45.0, 11.0, 46.0)), true);
        noGeometry.putNull("geometry");
        noGeometry.remove("bbox");
        write(s2Dir.resolve(NO_ASSETS).resolve(NO_ASSETS + ".json"), noAssets);
        write(s2Dir.resolve(NO_GEOMETRY).resolve(NO_GEOMETRY + ".json"), noGeometry);
        writeText(s2Dir.resolve("malformed").resolve("malformed.json"), "{\"type\": \"Feature\", \"id\": ");
        link(s2, "item", "./" + NO_ASSETS + "/" + NO_ASSETS + ".json");
        link(s2, "item", "./" + NO_GEOMETRY + "/" + NO_GEOMETRY + ".json");
        link(s2, "item", "./malformed/malformed.json");
        link(s2, "item", "./missing/missing.json");
        link(s2, "item", "./s2-a/s2-a.json");
    }

    private static ObjectNode catalog(String type, String id) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", type).put("stac_version", "1.0.0").put("id", id).put("description", "fixture " + id);
        node.putArray("links");
        return node;
    }

    private static ObjectNode collection(String id) {
        ObjectNode node = catalog("Collection", id);
        node.put("license", "CC-BY-4.0");
        ObjectNode extent = node.putObject("extent");
        extent.putObject("spatial").putArray("bbox").addArray().add(-180).add(-90).add(180).add(90);
        extent.putObject("temporal").putArray("interval").addArray().add("2023-01-01T00:00:00Z").addNull();
        return node;
    }

    private static void parents(ObjectNode node, String rootHref) {
        link(node, "root", rootHref);
        link(node, "parent", rootHref);
    }

    private static void link(ObjectNode node, String rel, String href) {
        ((ArrayNode) node.get("links")).addObject().put("rel", rel).put("href", href).put("type", "application/json");
    }

    private static ObjectNode item(ItemSpec spec, boolean namesCollection) {
        ObjectNode item = JSON.createObjectNode();
        item.put("type", "Feature").put("stac_version", "1.0.0").put("id", spec.id());
        item.putArray("stac_extensions").add("https://stac-extensions.github.io/raster/v1.1.0/schema.json");
        if (namesCollection) {
            item.put("collection", spec.collection());
        }
        double w = spec.bbox().get(0);
        double s = spec.bbox().get(1);
        double e = spec.bbox().get(2);
        double n = spec.bbox().get(3);
        ArrayNode bbox = item.putArray("bbox");
        spec.bbox().forEach(bbox::add);
        ObjectNode geometry = item.putObject("geometry").put("type", "Polygon");
        double east = e < w ? e + 360 : e; // a ring across the antimeridian continues past 180
        geometry.putArray("coordinates").addArray()
                .add(JSON.createArrayNode().add(w).add(s)).add(JSON.createArrayNode().add(east).add(s))
                .add(JSON.createArrayNode().add(east).add(n)).add(JSON.createArrayNode().add(w).add(n))
                .add(JSON.createArrayNode().add(w).add(s));
        ObjectNode properties = item.putObject("properties");
        if (spec.datetime() != null) {
            properties.put("datetime", spec.datetime());
        } else {
            properties.putNull("datetime");
            properties.put("start_datetime", spec.start()).put("end_datetime", spec.end());
        }
        properties.put("proj:epsg", 32632);
        ObjectNode assets = item.putObject("assets");
        ObjectNode b04 = assets.putObject("B04").put("href", "./B04.tif")
                .put("type", "image/tiff; application=geotiff; profile=cloud-optimized");
        b04.putArray("raster:bands").addObject().put("nodata", 0).put("data_type", "uint16")
                .put("scale", 0.0001).put("offset", -0.1);
        assets.putObject("SCL").put("href", "./SCL.tif")
                .put("type", "image/tiff; application=geotiff; profile=cloud-optimized");
        item.putArray("links").addObject().put("rel", "collection").put("href", "../collection.json");
        return item;
    }

    private static void write(Path file, ObjectNode node) {
        try {
            writeText(file, JSON.writeValueAsString(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeText(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write fixture " + file, e);
        }
    }

    /** The items of the fixture matching a predicate, by id, in walk order (test expectations). */
    public static List<String> idsWhere(Predicate<ItemSpec> predicate) {
        List<String> ids = new ArrayList<>();
        ITEMS.stream().filter(predicate).forEach(i -> ids.add(i.id()));
        return ids;
    }
}
