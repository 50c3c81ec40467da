package dev.stacstream.job.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed test catalog ({@code test-data/catalog}, see {@code test-data/README.md}) is what the local
 * pipeline and the job tests rely on: every document parses with the Earth Search fields, every link and href
 * resolves, and every asset is a valid COG matching its item. The GDAL checks skip visibly without GDAL, except in
 * CI ({@code CI=true}), where GDAL is required.
 */
class TestDataCatalogTest {

    private static final Path ROOT = Path.of(System.getProperty("stacstream.root", "..")).toAbsolutePath().normalize();
    private static final Path CATALOG = ROOT.resolve("test-data/catalog/catalog.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** "A few MB in total": the catalog is committed, so its size is watched. */
    private static final long MAX_CATALOG_BYTES = 6L << 20;
    private static final int BLOCK_PX = 256;
    private static final int EPSG = 32633;
    private static final byte[] TIFF_LITTLE_ENDIAN = {'I', 'I', 42, 0};
    /** GDAL's COG driver writes this "ghost" header right after the 8-byte TIFF header. */
    private static final String COG_GHOST_HEADER = "GDAL_STRUCTURAL_METADATA_SIZE=";
    private static final int GHOST_HEADER_BYTES = 200;
    private static final long PROCESS_TIMEOUT_S = 120;

    private static final Map<String, List<Item>> ITEMS = new LinkedHashMap<>();

    /** One item document and where it lies. */
    record Item(String collection, Path path, JsonNode json) {
        String id() {
            return json.path("id").asText();
        }

        @Override
        public String toString() {
            return id();
        }
    }

    /** One asset of one item, with the projection that applies to it (its own, or the item's). */
    record Asset(Item item, String key, JsonNode json) {
        Path file() {
            return item.path().getParent().resolve(json.path("href").asText()).normalize();
        }

        JsonNode proj(String field) {
            return json.has(field) ? json.get(field) : item.json().path("properties").path(field);
        }

        JsonNode rasterBand() {
            return json.path("raster:bands").path(0);
        }

        @Override
        public String toString() {
            return item.id() + "/" + key;
        }
    }

    @BeforeAll
    static void walk() throws IOException {
        JsonNode catalog = read(CATALOG);
        for (JsonNode child : links(catalog, "child")) {
            Path collectionPath = resolve(CATALOG, child);
            JsonNode collection = read(collectionPath);
            List<Item> items = new ArrayList<>();
            for (JsonNode link : links(collection, "item")) {
                Path itemPath = resolve(collectionPath, link);
                items.add(new Item(collection.path("id").asText(), itemPath, read(itemPath)));
            }
            ITEMS.put(collection.path("id").asText(), items);
        }
    }

    static Stream<Item> items() {
        return ITEMS.values().stream().flatMap(List::stream);
    }

    static Stream<Item> sentinel2Items() {
        return ITEMS.get("sentinel-2-l2a").stream();
    }

    static Stream<Item> landsatItems() {
        return ITEMS.get("landsat-c2-l2").stream();
    }

    static Stream<Asset> assets() {
        return items().flatMap(item -> {
            List<Asset> assets = new ArrayList<>();
            item.json().path("assets").fields()
                    .forEachRemaining(e -> assets.add(new Asset(item, e.getKey(), e.getValue())));
            return assets.stream();
        });
    }

    @Test
    void theCatalogHoldsFourSentinel2ItemsAndOneLandsatItem() throws IOException {
        JsonNode catalog = read(CATALOG);

        assertThat(catalog.path("type").asText()).isEqualTo("Catalog");
        assertThat(ITEMS.keySet()).containsExactly("sentinel-2-l2a", "landsat-c2-l2");
        assertThat(ITEMS.get("sentinel-2-l2a")).map(Item::id).containsExactly("S2B_33UVU_20230602_0_L2A",
                "S2A_33UVU_20230612_0_L2A", "S2A_33UWU_20230612_0_L2A", "S2A_33UVU_20230702_0_L2A");
        assertThat(ITEMS.get("landsat-c2-l2")).map(Item::id).containsExactly("LC09_L2SP_192023_20230614_02_T1");
    }

    @Test
    void theCatalogIsSmall() throws IOException {
        long bytes;
        try (Stream<Path> files = Files.walk(CATALOG.getParent())) {
            bytes = files.filter(Files::isRegularFile).mapToLong(TestDataCatalogTest::size).sum();
        }

        assertThat(bytes).isLessThan(MAX_CATALOG_BYTES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("items")
    void everyItemHasTheEarthSearchFieldsAndRelativeLinksThatResolve(Item item) throws IOException {
        JsonNode json = item.json();
        JsonNode properties = json.path("properties");

        assertThat(json.path("type").asText()).isEqualTo("Feature");
        assertThat(json.path("stac_version").asText()).isEqualTo("1.0.0");
        assertThat(item.path().getFileName().toString()).isEqualTo(item.id() + ".json");
        assertThat(json.path("collection").asText()).isEqualTo(item.collection());
        assertThat(Instant.parse(properties.path("datetime").asText())).isAfter(Instant.parse("2023-06-01T00:00:00Z"));
        assertThat(Instant.parse(properties.path("updated").asText()))
                .isAfterOrEqualTo(Instant.parse(properties.path("datetime").asText()));
        assertThat(properties.path("proj:epsg").asInt()).isEqualTo(EPSG);
        assertThat(properties.path("eo:cloud_cover").isNumber()).isTrue();
        assertThat(json.path("stac_extensions").toString()).contains("/eo/", "/raster/", "/projection/");
        for (String rel : List.of("root", "parent", "collection")) {
            assertThat(links(json, rel)).as(rel).hasSize(1);
            assertThat(resolve(item.path(), links(json, rel).get(0))).as(rel).isRegularFile();
        }
        assertFootprintInBbox(json);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("assets")
    void everyAssetIsARelativeHrefToACogOnTheItemsGrid(Asset asset) throws IOException {
        String href = asset.json().path("href").asText();
        JsonNode shape = asset.proj("proj:shape");
        JsonNode transform = asset.proj("proj:transform");

        assertThat(href).startsWith("./").doesNotContain("://");
        assertThat(asset.file()).isRegularFile().startsWith(asset.item().path().getParent());
        assertThat(asset.json().path("type").asText()).isEqualTo("image/tiff; application=geotiff;"
                + " profile=cloud-optimized");
        assertThat(shape.size()).isEqualTo(2);
        assertThat(transform.size()).isEqualTo(6);
        assertThat(asset.rasterBand().path("data_type").asText()).isIn("uint8", "uint16");
        assertThat(asset.rasterBand().path("nodata").isNumber()).isTrue();
        byte[] header = new byte[GHOST_HEADER_BYTES];
        try (InputStream in = Files.newInputStream(asset.file())) {
            assertThat(in.readNBytes(header, 0, header.length)).isEqualTo(header.length);
        }
        assertThat(Arrays.copyOf(header, TIFF_LITTLE_ENDIAN.length)).isEqualTo(TIFF_LITTLE_ENDIAN);
        assertThat(new String(header, StandardCharsets.US_ASCII)).contains(COG_GHOST_HEADER,
                "LAYOUT=IFDS_BEFORE_DATA", "BLOCK_ORDER=ROW_MAJOR");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sentinel2Items")
    void sentinel2ItemsHaveReflectanceBandsAndSclOnATwiceCoarserGrid(Item item) {
        JsonNode assets = item.json().path("assets");

        assertThat(assets.fieldNames()).toIterable().containsExactly("red", "nir", "scl");
        for (String band : List.of("red", "nir")) {
            JsonNode asset = assets.path(band);
            assertThat(asset.path("eo:bands").path(0).path("common_name").asText()).isEqualTo(band);
            assertThat(asset.path("raster:bands").path(0).toString()).isEqualTo("{\"nodata\":0,\"data_type\":"
                    + "\"uint16\",\"bits_per_sample\":15,\"spatial_resolution\":10,\"scale\":1.0E-4,\"offset\":-0.1}");
            assertThat(asset.path("proj:shape").toString()).isEqualTo("[1098,1098]");
        }
        JsonNode scl = assets.path("scl");
        assertThat(scl.path("raster:bands").path(0).toString())
                .isEqualTo("{\"nodata\":0,\"data_type\":\"uint8\",\"spatial_resolution\":20}");
        assertThat(scl.path("proj:shape").toString()).isEqualTo("[549,549]");
        JsonNode t10 = assets.path("red").path("proj:transform");
        JsonNode t20 = scl.path("proj:transform");
        assertThat(t20.get(0).asDouble()).isEqualTo(2 * t10.get(0).asDouble());
        assertThat(t20.get(4).asDouble()).isEqualTo(2 * t10.get(4).asDouble());
        assertThat(List.of(t20.get(2), t20.get(5))).isEqualTo(List.of(t10.get(2), t10.get(5)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("landsatItems")
    void landsatItemsHaveSurfaceReflectanceAndQaPixelBitFields(Item item) {
        JsonNode assets = item.json().path("assets");

        assertThat(assets.fieldNames()).toIterable().containsExactly("red", "nir08", "qa_pixel");
        assertThat(item.json().path("properties").path("proj:shape").toString()).isEqualTo("[600,640]");
        for (String band : List.of("red", "nir08")) {
            assertThat(assets.path(band).path("eo:bands").path(0).path("common_name").asText()).isEqualTo(band);
            assertThat(assets.path(band).path("raster:bands").path(0).toString()).isEqualTo("{\"nodata\":0,"
                    + "\"data_type\":\"uint16\",\"spatial_resolution\":30,\"scale\":2.75E-5,\"offset\":-0.2}");
        }
        JsonNode qa = assets.path("qa_pixel");
        assertThat(qa.path("raster:bands").path(0).path("nodata").asInt()).isEqualTo(1);
        List<String> fields = new ArrayList<>();
        qa.path("classification:bitfields").forEach(f -> fields.add(f.path("name").asText() + "@"
                + f.path("offset").asInt() + "+" + f.path("length").asInt()));
        assertThat(fields).containsExactly("fill@0+1", "dilated_cloud@1+1", "cirrus@2+1", "cloud@3+1",
                "cloud_shadow@4+1", "snow@5+1", "clear@6+1", "water@7+1", "cloud_confidence@8+2",
                "cloud_shadow_confidence@10+2", "snow_confidence@12+2", "cirrus_confidence@14+2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("assets")
    void gdalReadsEveryAssetAsATiledCogWithOverviewsMatchingItsItem(Asset asset) throws Exception {
        requireGdal();
        JsonNode info = JSON.readTree(run(List.of("gdalinfo", "-json", asset.file().toString())));
        JsonNode band = info.path("bands").path(0);
        JsonNode shape = asset.proj("proj:shape");
        JsonNode t = asset.proj("proj:transform");

        assertThat(info.path("size").toString()).isEqualTo("[" + shape.get(1) + "," + shape.get(0) + "]");
        assertThat(doubles(info.path("geoTransform"))).containsExactly(t.get(2).asDouble(), t.get(0).asDouble(),
                t.get(1).asDouble(), t.get(5).asDouble(), t.get(3).asDouble(), t.get(4).asDouble());
        assertThat(info.path("coordinateSystem").path("wkt").asText()).endsWith("ID[\"EPSG\"," + EPSG + "]]");
        JsonNode structure = info.path("metadata").path("IMAGE_STRUCTURE");
        assertThat(structure.path("LAYOUT").asText()).isEqualTo("COG");
        assertThat(structure.path("COMPRESSION").asText()).isEqualTo("DEFLATE");
        assertThat(band.path("block").toString()).isEqualTo("[" + BLOCK_PX + "," + BLOCK_PX + "]");
        assertThat(band.path("type").asText())
                .isEqualTo(asset.rasterBand().path("data_type").asText().equals("uint8") ? "Byte" : "UInt16");
        assertThat(band.path("noDataValue").asDouble()).isEqualTo(asset.rasterBand().path("nodata").asDouble());
        assertThat(band.path("overviews").size()).isGreaterThanOrEqualTo(2);
        if (asset.rasterBand().has("scale")) {
            assertThat(structure.path("PREDICTOR").asText()).as("reflectance uses horizontal differencing")
                    .isEqualTo("2");
        }
    }

    @Test
    void gdalsCogValidatorAcceptsEveryAsset() throws Exception {
        requireGdal();
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", "-c", """
                import sys
                from osgeo_utils.samples.validate_cloud_optimized_geotiff import validate
                for path in sys.argv[1:]:
                    warnings, errors, _ = validate(path, full_check=True)
                    print(path, "errors=%r warnings=%r" % (errors, warnings))
                """));
        assets().map(a -> a.file().toString()).forEach(command::add);

        String report = run(command);

        assertThat(report.lines()).hasSize(command.size() - 3)
                .allSatisfy(line -> assertThat(line).endsWith("errors=[] warnings=[]"));
    }

    private static void assertFootprintInBbox(JsonNode item) {
        JsonNode bbox = item.path("bbox");
        JsonNode ring = item.path("geometry").path("coordinates").path(0);
        assertThat(item.path("geometry").path("type").asText()).isEqualTo("Polygon");
        assertThat(bbox.size()).isEqualTo(4);
        assertThat(ring.size()).isGreaterThanOrEqualTo(4);
        assertThat(ring.get(0)).isEqualTo(ring.get(ring.size() - 1));
        for (JsonNode position : ring) {
            assertThat(position.get(0).asDouble()).isBetween(bbox.get(0).asDouble(), bbox.get(2).asDouble());
            assertThat(position.get(1).asDouble()).isBetween(bbox.get(1).asDouble(), bbox.get(3).asDouble());
        }
    }

    /** GDAL is optional on a developer machine (the test is skipped, visibly) but required in CI. */
    private static void requireGdal() {
        boolean available;
        try {
            available = run(List.of("gdalinfo", "--version")).startsWith("GDAL");
        } catch (IOException | InterruptedException | AssertionError e) {
            available = false;
        }
        if (!available && "true".equals(System.getenv("CI"))) {
            fail("GDAL (gdalinfo, /usr/bin/python3 with osgeo) is required when CI=true");
        }
        Assumptions.assumeTrue(available, "GDAL's gdalinfo is not on PATH: skipping the GDAL checks of the catalog");
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(PROCESS_TIMEOUT_S, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(command.get(0) + " did not finish in " + PROCESS_TIMEOUT_S + " s");
        }
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }

    private static List<Double> doubles(JsonNode array) {
        List<Double> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asDouble()));
        return values;
    }

    private static List<JsonNode> links(JsonNode document, String rel) {
        List<JsonNode> out = new ArrayList<>();
        document.path("links").forEach(link -> {
            if (link.path("rel").asText().equals(rel)) {
                out.add(link);
            }
        });
        return out;
    }

    private static Path resolve(Path document, JsonNode link) {
        String href = link.path("href").asText();
        assertThat(href).as("a relative link in " + document).doesNotContain("://").doesNotStartWith("/");
        return document.getParent().resolve(href).normalize();
    }

    private static JsonNode read(Path path) throws IOException {
        return JSON.readTree(path.toFile());
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
