package dev.stacstream.job.cli;

import dev.stacstream.stac.catalog.CatalogWalker;
import dev.stacstream.stac.client.ItemSearch;
import dev.stacstream.stac.client.SearchMethod;
import dev.stacstream.stac.client.SearchRequest;
import dev.stacstream.stac.client.SearchSummary;
import dev.stacstream.stac.client.SkippedItem;
import dev.stacstream.stac.client.StacApiClient;
import dev.stacstream.stac.model.StacItem;
import dev.stacstream.storage.StorageOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stacstream discover (--api URL | --catalog URI) [search options]}: every matching STAC item, one compact JSON
 * document per line (NDJSON) on stdout, following every page; skipped items and a summary line (items, pages,
 * skipped, elapsed) on stderr.
 */
@Command(name = "discover", mixinStandardHelpOptions = true,
        description = "Print the STAC items matching a search as NDJSON (one item per line), following every page. "
                + "A static catalog is walked and filtered locally (collections, ids, bbox, datetime).")
final class DiscoverCommand implements Callable<Integer> {

    private static final double NANOS_PER_SECOND = 1e9;

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    /** Exactly one of the two places to discover items in. */
    static final class Source {
        @Option(names = "--api", paramLabel = "URL", required = true,
                description = "STAC API root (landing page), e.g. https://earth-search.aws.element84.com/v1")
        String api;

        @Option(names = "--catalog", paramLabel = "URI", required = true,
                description = "Static catalog root (catalog.json or a collection): local path, file://, http(s):// or s3://")
        String catalog;
    }

    @Option(names = "--collections", paramLabel = "ID[,ID...]", split = ",", hideParamSyntax = true, description = "Collection ids.")
    List<String> collections = new ArrayList<>();

    @Option(names = "--ids", paramLabel = "ID[,ID...]", split = ",", hideParamSyntax = true, description = "Item ids.")
    List<String> ids = new ArrayList<>();

    @Option(names = "--bbox", paramLabel = "W,S,E,N", split = ",", hideParamSyntax = true,
            description = "Bounding box in degrees (west > east crosses the antimeridian); 6 numbers for 3D.")
    List<Double> bbox = new ArrayList<>();

    @Option(names = "--intersects", paramLabel = "GEOJSON",
            description = "A GeoJSON geometry, Feature or one-Feature FeatureCollection: JSON text or a file path.")
    String intersects;

    @Option(names = "--datetime", paramLabel = "DATETIME",
            description = "An RFC 3339 instant, a date (2023, 2023-10, 2023-10-08) or an interval a/b with .. for an open end.")
    String datetime;

    @Option(names = "--query", paramLabel = "JSON", description = "Query extension object, e.g. {\"eo:cloud_cover\":{\"lt\":20}}.")
    String query;

    @Option(names = "--filter", paramLabel = "CQL2-JSON", description = "A CQL2-JSON filter expression.")
    String filter;

    @Option(names = "--sortby", paramLabel = "[+|-]FIELD[,...]", description = "Sort keys, e.g. -datetime,+id.")
    String sortby;

    @Option(names = "--limit", paramLabel = "N", description = "Items per page (API) or per batch (catalog).")
    Integer limit;

    @Option(names = "--max-items", paramLabel = "N", description = "Stop after N items in total.")
    Long maxItems;

    @Option(names = "--method", paramLabel = "POST|GET", defaultValue = "POST",
            description = "HTTP method of the first search request (API only; default ${DEFAULT-VALUE}).")
    SearchMethod method;

    @Override
    public Integer call() {
        SearchRequest request = request();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Consumer<SkippedItem> onSkipped = skipped -> err.println("stacstream discover: skipped " + skipped);
        long started = System.nanoTime();
        SearchSummary summary;
        try (ItemSearch search = open(onSkipped)) {
            summary = search.search(request, page -> {
                for (StacItem item : page) {
                    out.println(item.toJson());
                }
                out.flush();
            });
        }
        err.println(String.format(Locale.ROOT, "stacstream discover: %d items, %d pages, %d skipped in %.2f s",
                summary.items(), summary.pages(), summary.skipped(), (System.nanoTime() - started) / NANOS_PER_SECOND));
        return 0;
    }

    private ItemSearch open(Consumer<SkippedItem> onSkipped) {
        StorageOptions options = StorageOptions.defaults();
        if (source.api != null) {
            try {
                return StacApiClient.builder(source.api).options(options).searchMethod(method).onSkipped(onSkipped).build();
            } catch (IllegalArgumentException e) {
                throw new CliInputException("--api: " + e.getMessage(), e);
            }
        }
        return CatalogWalker.open(source.catalog, options, onSkipped);
    }

    /** The search request, with bad option values reported as input errors naming the option. */
    private SearchRequest request() {
        SearchRequest.Builder builder = SearchRequest.builder();
        apply("--collections", () -> builder.collections(collections));
        apply("--ids", () -> builder.ids(ids));
        if (!bbox.isEmpty()) {
            apply("--bbox", () -> builder.bbox(bbox));
        }
        if (intersects != null) {
            String geometry = GeoJsonArgument.geometry(intersects);
            apply("--intersects", () -> builder.intersects(geometry));
        }
        if (datetime != null) {
            apply("--datetime", () -> builder.datetime(datetime));
        }
        if (query != null) {
            apply("--query", () -> builder.query(query));
        }
        if (filter != null) {
            apply("--filter", () -> builder.filter(filter));
        }
        if (sortby != null) {
            apply("--sortby", () -> builder.sortby(sortby));
        }
        if (limit != null) {
            apply("--limit", () -> builder.limit(limit));
        }
        if (maxItems != null) {
            apply("--max-items", () -> builder.maxItems(maxItems));
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new CliInputException(e.getMessage(), e);
        }
    }

    private static void apply(String option, Runnable setter) {
        try {
            setter.run();
        } catch (IllegalArgumentException e) {
            throw new CliInputException(option + ": " + e.getMessage(), e);
        }
    }
}
