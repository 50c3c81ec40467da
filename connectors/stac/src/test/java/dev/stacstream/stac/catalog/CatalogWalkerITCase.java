package dev.stacstream.stac.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stacstream.stac.client.SearchRequest;
import dev.stacstream.stac.client.SearchSummary;
import dev.stacstream.stac.client.SkippedItem;
import dev.stacstream.stac.client.StacDocumentException;
import dev.stacstream.stac.client.StacIoException;
import dev.stacstream.stac.client.StacUnsupportedException;
import dev.stacstream.stac.model.StacItem;
import dev.stacstream.stac.testing.FileServer;
import dev.stacstream.stac.testing.LoopbackServer.Received;
import dev.stacstream.stac.testing.S3ProxyServer;
import dev.stacstream.stac.testing.StaticCatalogFixture;
import dev.stacstream.storage.RetryPolicy;
import dev.stacstream.storage.StorageOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A generated static catalog (relative hrefs, a sub-catalog, two collections) walked from local disk, over HTTP
 * and from S3 (s3proxy): the same items in the same order everywhere, hrefs resolved against where each document
 * was read, local filters, batches, and broken items skipped with reasons.
 */
class CatalogWalkerITCase {

    private static final StorageOptions FAST = StorageOptions.builder()
            .retryPolicy(RetryPolicy.of(2, Duration.ofMillis(1), Duration.ofMillis(10), 2.0)).build();
    private static final String BUCKET = "stac-bucket";
    private static final String PREFIX = "catalogs/demo/";

    @TempDir
    static Path tmp;

    private static Path clean;
    private static Path broken;
    private static FileServer http;
    private static S3ProxyServer s3;

    /** Where the catalog is read from. */
    enum Storage { DISK_PATH, FILE_URI, HTTP, S3 }

    @BeforeAll
    static void writeAndServe() {
        clean = StaticCatalogFixture.standard().write(tmp.resolve("clean")).getParent();
        broken = StaticCatalogFixture.standard().withProblems().write(tmp.resolve("broken")).getParent();
        http = FileServer.serve(tmp);
        s3 = S3ProxyServer.start();
        s3.upload(tmp, BUCKET, PREFIX);
    }

    @AfterAll
    static void stop() {
        http.close();
        s3.close();
    }

    /** The root URI of fixture {@code dir} ({@code clean} or {@code broken}) in {@code storage}, and its options. */
    private static String root(Storage storage, String dir) {
        return switch (storage) {
            case DISK_PATH -> tmp.resolve(dir).resolve("catalog.json").toString();
            case FILE_URI -> tmp.resolve(dir).resolve("catalog.json").toUri().toString();
            case HTTP -> http.origin() + "/" + dir + "/catalog.json";
            case S3 -> "s3://" + BUCKET + "/" + PREFIX + dir + "/catalog.json";
        };
    }

    /** The URI prefix of the fixture directory, as resolved hrefs start. */
    private static String base(Storage storage, String dir) {
        return switch (storage) {
            case DISK_PATH, FILE_URI -> tmp.resolve(dir).toUri().toString();
            case HTTP -> http.origin() + "/" + dir + "/";
            case S3 -> "s3://" + BUCKET + "/" + PREFIX + dir + "/";
        };
    }

    private static StorageOptions options(Storage storage) {
        return storage == Storage.S3 ? s3.options() : FAST;
    }

    private final List<SkippedItem> skipped = new CopyOnWriteArrayList<>();

    private CatalogWalker walker(Storage storage, String dir) {
        return CatalogWalker.open(root(storage, dir), options(storage), skipped::add);
    }

    @ParameterizedTest
    @EnumSource(Storage.class)
    void walksEveryItemInCatalogOrderWithHrefsResolved(Storage storage) {
        try (CatalogWalker walker = walker(storage, "clean")) {
            List<List<StacItem>> pages = new ArrayList<>();

            SearchSummary summary = walker.search(SearchRequest.builder().build(), pages::add);

            List<StacItem> items = pages.stream().flatMap(List::stream).toList();
            assertThat(items).extracting(StacItem::id).containsExactlyElementsOf(StaticCatalogFixture.itemIds());
            assertThat(summary).isEqualTo(new SearchSummary(2, 6, 0)); // one batch per collection; the root has no items
            assertThat(pages).extracting(List::size).containsExactly(4, 2);
            String base = base(storage, "clean");
            StacItem first = items.get(0);
            assertThat(first.selfHref()).contains(base + "sentinel-2-l2a/s2-a/s2-a.json");
            assertThat(first.asset("B04").orElseThrow().resolvedHref()).isEqualTo(base + "sentinel-2-l2a/s2-a/B04.tif");
            assertThat(first.assetForBand("red")).isPresent(); // Sentinel-2 collection id: B04 answers to "red"
            assertThat(items.get(5).asset("SCL").orElseThrow().resolvedHref())
                    .isEqualTo(base + "landsat/landsat-c2-l2/lc-b/SCL.tif");
            assertThat(skipped).isEmpty();
        }
    }

    @Test
    void theSummaryCountsBatchesAsPages() {
        try (CatalogWalker walker = walker(Storage.DISK_PATH, "clean")) {
            List<Integer> sizes = new ArrayList<>();

            SearchSummary summary = walker.search(SearchRequest.builder().limit(3).build(), p -> sizes.add(p.size()));

            assertThat(sizes).containsExactly(3, 1, 2);
            assertThat(summary).isEqualTo(new SearchSummary(3, 6, 0));
        }
    }

    static Stream<Arguments> localFilters() {
        return Stream.of(
                filter("collections (incl. items that only sit in the collection)", b -> b.collections("landsat-c2-l2"),
                        List.of("lc-a", "lc-b")),
                filter("ids", b -> b.ids("s2-c", "lc-a", "nope"), List.of("s2-c", "lc-a")),
                filter("bbox", b -> b.bbox(10.9, 45.9, 12, 47), List.of("s2-a", "s2-b", "lc-a")),
                filter("bbox across the antimeridian", b -> b.bbox(179, -20, -179, -10), List.of("s2-d")),
                filter("bbox meets an item across the antimeridian", b -> b.bbox(-179.9, -16.5, -179.6, -16.2),
                        List.of("s2-d")),
                filter("datetime interval", b -> b.datetime("2023-01-01T00:00:00Z/2023-01-10T00:00:00Z"),
                        List.of("s2-a", "lc-a")),
                filter("datetime meets an item's start/end range", b -> b.datetime("2023-02-11"), List.of("lc-b")),
                filter("open-ended datetime", b -> b.datetime("2023-02-01T10:00:00Z/.."), List.of("s2-c", "s2-d", "lc-b")),
                filter("combined", b -> b.collections("sentinel-2-l2a").bbox(9, 44, 12, 47).datetime("2023-01"),
                        List.of("s2-a", "s2-b")),
                filter("max-items across collections", b -> b.maxItems(5),
                        List.of("s2-a", "s2-b", "s2-c", "s2-d", "lc-a")));
    }

    private static Arguments filter(String name, UnaryOperator<SearchRequest.Builder> request, List<String> ids) {
        return Arguments.of(name, request.apply(SearchRequest.builder()).build(), ids);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("localFilters")
    void appliesTheSearchParametersLocally(String name, SearchRequest request, List<String> expectedIds) {
        try (CatalogWalker walker = walker(Storage.DISK_PATH, "clean")) {
            List<String> ids = new ArrayList<>();

            SearchSummary summary = walker.search(request, page -> page.forEach(i -> ids.add(i.id())));

            assertThat(ids).containsExactlyElementsOf(expectedIds);
            assertThat(summary.items()).isEqualTo(expectedIds.size());
        }
    }

    @ParameterizedTest
    @EnumSource(Storage.class)
    void skipsBrokenItemsWithAReasonAndSurvivesCycles(Storage storage) {
        try (CatalogWalker walker = walker(storage, "broken")) {
            List<String> ids = new ArrayList<>();

            SearchSummary summary = walker.search(SearchRequest.builder().build(), p -> p.forEach(i -> ids.add(i.id())));

            assertThat(ids).containsExactlyElementsOf(StaticCatalogFixture.itemIds()); // s2-a once, despite two links
            assertThat(summary.skipped()).isEqualTo(4);
            String s2 = base(storage, "broken") + "sentinel-2-l2a/";
            assertThat(skipped).extracting(SkippedItem::location).containsExactly(
                    s2 + "s2-no-assets/s2-no-assets.json", s2 + "s2-no-geometry/s2-no-geometry.json",
                    s2 + "malformed/malformed.json", s2 + "missing/missing.json");
            assertThat(skipped.get(0).reason()).isEqualTo("no assets");
            assertThat(skipped.get(0).id()).contains(StaticCatalogFixture.NO_ASSETS);
            assertThat(skipped.get(1).reason()).startsWith("no geometry");
            assertThat(skipped.get(2).reason()).startsWith("malformed JSON: Unexpected end-of-input");
            assertThat(skipped.get(3).reason()).startsWith("cannot read the item: ");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Storage.class, names = {"DISK_PATH", "HTTP", "S3"})
    void aMissingRootCatalogIsANonRetryableErrorNamingIt(Storage storage) {
        String missing = root(storage, "nowhere");
        try (CatalogWalker walker = CatalogWalker.open(missing, options(storage))) {
            String location = walker.rootLocation();
            assertThatThrownBy(() -> walker.search(SearchRequest.builder().build(), page -> { }))
                    .isInstanceOfSatisfying(StacIoException.class, e -> assertThat(e.isRetryable()).isFalse())
                    .hasMessageStartingWith(location + ": ");
        }
    }

    @Test
    void aMalformedChildCatalogNamesItsUri(@TempDir Path dir) throws IOException {
        Path root = StaticCatalogFixture.standard().write(dir);
        Files.writeString(dir.resolve("landsat/catalog.json"), "{\"type\": \"Catalog\", \"id\": \"landsat\", \"links\": 7}");
        try (CatalogWalker walker = CatalogWalker.open(root.toString(), FAST)) {
            List<String> ids = new ArrayList<>();

            assertThatThrownBy(() -> walker.search(SearchRequest.builder().build(), p -> p.forEach(i -> ids.add(i.id()))))
                    .isInstanceOf(StacDocumentException.class)
                    .hasMessage(dir.resolve("landsat/catalog.json").toUri() + ": links must be an array, found a number");
            assertThat(ids).containsExactly("s2-a", "s2-b", "s2-c", "s2-d"); // handed on before the bad child
        }
    }

    @Test
    void aRootThatIsNotJsonNamesItsUriAndTheJsonProblem(@TempDir Path dir) throws IOException {
        Path root = Files.writeString(dir.resolve("catalog.json"), "{\"type\": \"Catalog\",\n \"id\": \"x\",,}");
        try (CatalogWalker walker = CatalogWalker.open(root.toString(), FAST)) {
            assertThatThrownBy(() -> walker.search(SearchRequest.builder().build(), page -> { }))
                    .isInstanceOfSatisfying(StacDocumentException.class, e -> assertThat(e.isRetryable()).isFalse())
                    .hasMessageStartingWith(root.toUri() + ": malformed JSON: Unexpected character (',' (code 44))")
                    .hasMessageEndingWith("(line 2, column 12)");
        }
    }

    @Test
    void refusesParametersThatNeedAServer() {
        try (CatalogWalker walker = walker(Storage.DISK_PATH, "clean")) {
            SearchRequest request = SearchRequest.builder().filter("{\"op\":\"=\",\"args\":[{\"property\":\"id\"},\"x\"]}")
                    .sortby("-datetime").intersects("{\"type\":\"Point\",\"coordinates\":[0,0]}").build();

            assertThatThrownBy(() -> walker.search(request, page -> { }))
                    .isInstanceOf(StacUnsupportedException.class)
                    .hasMessage(walker.rootLocation() + ": a static catalog has no server-side search: intersects, "
                            + "filter, sortby cannot be used (supported: collections, ids, bbox, datetime, limit, max-items)");
        }
    }

    @Test
    void readsOnlyTheDocumentsItNeeds() {
        try (CatalogWalker walker = walker(Storage.HTTP, "clean")) {
            int before = http.received().size();
            walker.search(SearchRequest.builder().collections("landsat-c2-l2").build(), page -> { });

            List<Received> requests = http.received().subList(before, http.received().size());
            List<String> paths = requests.stream().map(Received::path).toList();
            // The sentinel-2-l2a collection is read (to learn its id), its items are not.
            assertThat(paths).contains("/clean/sentinel-2-l2a/collection.json", "/clean/landsat/landsat-c2-l2/lc-a/lc-a.json")
                    .noneMatch(p -> p.startsWith("/clean/sentinel-2-l2a/s2-"))
                    .doesNotHaveDuplicates(); // one ranged GET per document, no HEAD
            assertThat(requests).extracting(Received::method).containsOnly("GET");
        }
    }
}
