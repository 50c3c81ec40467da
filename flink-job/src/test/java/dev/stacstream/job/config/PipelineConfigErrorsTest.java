package dev.stacstream.job.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a pipeline can be wrong gives one line naming the file, the key and the problem. Each case is a file
 * (the valid {@link #BASE} unless given) plus {@code --set} overrides, and the exact message; {@code {dir}} stands
 * for the working directory.
 */
class PipelineConfigErrorsTest {

    private static final String FILE = "pipeline.yaml";
    private static final String BASE = """
            source:
              catalog: catalog.json
            assets:
              bands: [red, nir]
            aggregate:
              factor: 10
            output:
              root: out
            """;

    @TempDir
    Path dir;

    record Case(String name, String yaml, List<String> sets, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case set(String name, String set, String expected) {
        return new Case(name, BASE, List.of(set), expected);
    }

    private static Case sets(String name, List<String> sets, String expected) {
        return new Case(name, BASE, sets, expected);
    }

    private static Case file(String name, String yaml, String expected) {
        return new Case(name, yaml, List.of(), expected);
    }

    static Stream<Case> cases() {
        return Stream.of(
                // unknown keys
                file("typo in the file", BASE.replace("factor: 10", "factr: 10"),
                        "aggregate.factr: unknown key (did you mean aggregate.factor?)"),
                set("typo in --set", "aggregate.factr=20",
                        "aggregate.factr: unknown key (did you mean aggregate.factor?) (from --set aggregate.factr=20)"),
                file("misspelt section", BASE.replace("source:", "sorce:"),
                        "sorce.catalog: unknown key (did you mean source.catalog?)"),
                set("key in the wrong section", "source.stats=[count]",
                        "source.stats: unknown key (did you mean aggregate.stats?) (from --set source.stats=[count])"),
                file("key without a near match", BASE + "colour: red\n", "colour: unknown key"),
                file("a section given a scalar", BASE + "mask:\n  asset: scl\n  dilation: true\n",
                        "mask.dilation: is a section; expected a mapping of its keys (enabled, mask1-values,"
                                + " mask2-values, kernel1-size, kernel2-size, erosion-kernel-size), got true"),
                // structure of the file
                file("top level is a list", "- source\n- assets\n",
                        "expected a mapping of keys like source.catalog at the top level, got a list"),
                file("key nested and dotted", BASE + "aggregate.factor: 20\n",
                        "aggregate.factor: is set twice in the file (nested and dotted)"),
                file("YAML syntax error", BASE.replace("bands: [red, nir]", "bands: [red, nir"),
                        "line 5, column 10: not valid YAML: expected ',' or ']', but got : (while parsing a flow"
                                + " sequence at line 4, column 10)"),
                file("key twice in one mapping", BASE.replace("factor: 10", "factor: 10\n  factor: 20"),
                        "line 7, column 9: not valid YAML: the key 'factor' appears twice in one mapping"),
                set("--set value that is not YAML", "assets.bands=[red, nir",
                        "assets.bands: the value '[red, nir' is not valid YAML: expected ',' or ']', but got <stream"
                                + " end> (while parsing a flow sequence at line 1, column 1) (from --set"
                                + " assets.bands=[red, nir)"),
                set("--set without =", "aggregate.factor",
                        "--set aggregate.factor: expected key=value, like --set aggregate.factor=20"),
                // source
                file("no source", BASE.replace("source:\n  catalog: catalog.json\n", ""),
                        "source: give exactly one of source.catalog or source.api"),
                set("catalog and api", "source.api=https://earth-search.aws.element84.com/v1",
                        "source: give exactly one of source.catalog or source.api, not source.catalog and source.api"
                                + " (--set KEY=null removes a key that the file sets)"),
                set("api that is not http", "source.api=ftp://example.org/stac",
                        "source: give exactly one of source.catalog or source.api, not source.catalog and source.api"
                                + " (--set KEY=null removes a key that the file sets)"),
                sets("api that is not http, alone", List.of("source.catalog=null", "source.api=ftp://example.org/stac"),
                        "source.api: expected an http(s) URL of a STAC API, got 'ftp://example.org/stac' (from --set"
                                + " source.api=ftp://example.org/stac)"),
                set("catalog that does not exist", "source.catalog=missing/catalog.json",
                        "source.catalog: {dir}/missing/catalog.json does not exist (from --set"
                                + " source.catalog=missing/catalog.json)"),
                set("catalog that is a folder", "source.catalog=.",
                        "source.catalog: {dir} is a folder; name the catalog.json inside it (from --set"
                                + " source.catalog=.)"),
                set("catalog with an unsupported scheme", "source.catalog=ftp://example.org/catalog.json",
                        "source.catalog: unsupported scheme 'ftp' in ftp://example.org/catalog.json (expected a path,"
                                + " file://, http(s):// or s3://) (from --set"
                                + " source.catalog=ftp://example.org/catalog.json)"),
                set("relative file URI", "source.catalog=file:catalog.json",
                        "source.catalog: 'file:catalog.json' is a relative file: URI; write file:///absolute/path or a"
                                + " plain path (relative to the working directory) (from --set"
                                + " source.catalog=file:catalog.json)"),
                set("collections as a string", "source.collections=sentinel-2-l2a",
                        "source.collections: expected a list like [sentinel-2-l2a], got 'sentinel-2-l2a' (from --set"
                                + " source.collections=sentinel-2-l2a)"),
                set("bbox of 3 numbers", "source.bbox=[13.2, 52.4, 13.6]",
                        "source.bbox: expected 4 numbers [west, south, east, north], got 3 (from --set"
                                + " source.bbox=[13.2, 52.4, 13.6])"),
                set("bbox with a word", "source.bbox=[13.2, south, 13.6, 52.6]",
                        "source.bbox: expected 4 numbers [west, south, east, north], but element 1 is 'south' (from"
                                + " --set source.bbox=[13.2, south, 13.6, 52.6])"),
                set("bbox upside down", "source.bbox=[13.2, 52.6, 13.6, 52.4]",
                        "source.bbox: south 52.6 is greater than north 52.4 (from --set"
                                + " source.bbox=[13.2, 52.6, 13.6, 52.4])"),
                set("bbox beyond the pole", "source.bbox=[13.2, 52.4, 13.6, 91]",
                        "source.bbox: north must be between -90.0 and 90.0 degrees, got 91.0 (from --set"
                                + " source.bbox=[13.2, 52.4, 13.6, 91])"),
                file("bbox and intersects", BASE + """
                        source.bbox: [13.2, 52.4, 13.6, 52.6]
                        source.intersects: {type: Point, coordinates: [13.4, 52.5]}
                        """, "source: give at most one of source.bbox or source.intersects, not source.bbox and"
                                + " source.intersects"),
                file("unclosed polygon", BASE + """
                        source.intersects:
                          type: Polygon
                          coordinates: [[[13.2, 52.4], [13.6, 52.4], [13.6, 52.6], [13.2, 52.6]]]
                        """, "source.intersects: a ring of the Polygon is not closed (its first and last positions"
                                + " differ)"),
                file("unknown geometry type", BASE + "source.intersects: {type: Circle, coordinates: [13.4, 52.5]}\n",
                        "source.intersects: unknown GeoJSON geometry type 'Circle' (expected one of Point, MultiPoint,"
                                + " LineString, MultiLineString, Polygon, MultiPolygon, GeometryCollection)"),
                set("datetime that is not a date", "source.datetime=2023-13-01",
                        "source.datetime: '2023-13-01' is not a valid date (yyyy-mm-dd) (from --set"
                                + " source.datetime=2023-13-01)"),
                set("datetime without a zone", "source.datetime=2023-06-01T00:00:00/..",
                        "source.datetime: '2023-06-01T00:00:00' has no time zone; add Z (UTC) or an offset like"
                                + " +02:00 (from --set source.datetime=2023-06-01T00:00:00/..)"),
                set("datetime reversed", "source.datetime=2023-07-01/2023-06-30",
                        "source.datetime: the start 2023-07-01T00:00:00Z is after the end"
                                + " 2023-06-30T23:59:59.999999999Z (from --set source.datetime=2023-07-01/2023-06-30)"),
                set("query with an unknown operator", "source.query={eo:cloud_cover: {less: 20}}",
                        "source.query: eo:cloud_cover: unknown operator 'less' (expected one of eq, neq, lt, lte, gt,"
                                + " gte, startsWith, endsWith, contains, in) (from --set"
                                + " source.query={eo:cloud_cover: {less: 20}})"),
                set("filter that is not CQL2-JSON", "source.filter={eo:cloud_cover: 20}",
                        "source.filter: expected a CQL2-JSON expression with 'op' (a string) and 'args' (a list), like"
                                + " {op: '<', args: [{property: eo:cloud_cover}, 20]} (from --set"
                                + " source.filter={eo:cloud_cover: 20})"),
                set("bounded as a number", "source.bounded=1",
                        "source.bounded: expected true or false, got 1 (from --set source.bounded=1)"),
                set("duration without a unit", "source.poll-interval=30",
                        "source.poll-interval: expected a duration like '30 s', '5 min' or '3 d' (units: ms, s, min,"
                                + " h, d), got '30' (from --set source.poll-interval=30)"),
                set("duration with an unknown unit", "source.poll-interval=2 weeks",
                        "source.poll-interval: unknown unit 'weeks' in '2 weeks' (units: ns, us, ms, s, min, h, d)"
                                + " (from --set source.poll-interval=2 weeks)"),
                set("zero poll interval", "source.poll-interval=0 s",
                        "source.poll-interval: must be at least 1 ms, got '0 s' (from --set"
                                + " source.poll-interval=0 s)"),
                // assets
                set("no bands", "assets.bands=null", "assets.bands: is required"),
                set("bands as one string", "assets.bands=red,nir",
                        "assets.bands: expected a list like [red, nir], got 'red,nir' (from --set"
                                + " assets.bands=red,nir)"),
                set("bands empty", "assets.bands=[]",
                        "assets.bands: is an empty list; give at least one value, like [red, nir] (from --set"
                                + " assets.bands=[])"),
                set("band twice", "assets.bands=[red, nir, red]",
                        "assets.bands: red is listed twice (from --set assets.bands=[red, nir, red])"),
                set("negative level", "assets.level=-1",
                        "assets.level: must be at least 0, got -1 (from --set assets.level=-1)"),
                // mask
                set("exclude without an asset", "mask.exclude=[3, 8, 9, 10]",
                        "mask.exclude: needs mask.asset, the layer it applies to (e.g. scl or qa_pixel) (from --set"
                                + " mask.exclude=[3, 8, 9, 10])"),
                sets("class out of range", List.of("mask.asset=scl", "mask.exclude=[-1]"),
                        "mask.exclude: element 0: must be between 0 and 65535, got -1 (from --set mask.exclude=[-1])"),
                sets("class twice", List.of("mask.asset=scl", "mask.exclude=[8, 9, 8]"),
                        "mask.exclude: 8 is listed twice (from --set mask.exclude=[8, 9, 8])"),
                sets("exclude and qa-bits", List.of("mask.asset=qa_pixel", "mask.exclude=[3]", "mask.qa-bits=[3]"),
                        "mask: give at most one of mask.exclude or mask.qa-bits, not mask.exclude and mask.qa-bits"
                                + " (--set KEY=null removes a key that the file sets)"),
                sets("bit out of range", List.of("mask.asset=qa_pixel", "mask.qa-bits=[0, 32]"),
                        "mask.qa-bits: element 1: must be between 0 and 31, got 32 (from --set"
                                + " mask.qa-bits=[0, 32])"),
                sets("dilation on a bit mask",
                        List.of("mask.asset=qa_pixel", "mask.qa-bits=[0, 1]", "mask.dilation.enabled=true"),
                        "mask.dilation.enabled: applies to a class mask (mask.exclude), not to a bit mask"
                                + " (mask.qa-bits) (from --set mask.dilation.enabled=true)"),
                sets("negative kernel", List.of("mask.asset=scl", "mask.dilation.kernel2-size=-3"),
                        "mask.dilation.kernel2-size: must be at least 0, got -3 (from --set"
                                + " mask.dilation.kernel2-size=-3)"),
                // aggregate
                set("factor as a word", "aggregate.factor=ten",
                        "aggregate.factor: expected an integer, got 'ten' (from --set aggregate.factor=ten)"),
                set("factor as a fraction", "aggregate.factor=10.5",
                        "aggregate.factor: expected an integer, got 10.5 (from --set aggregate.factor=10.5)"),
                set("factor zero", "aggregate.factor=0",
                        "aggregate.factor: must be at least 1, got 0 (from --set aggregate.factor=0)"),
                set("factor beyond int", "aggregate.factor=3000000000",
                        "aggregate.factor: must be at least 1, got 3000000000 (from --set"
                                + " aggregate.factor=3000000000)"),
                set("factor and size", "aggregate.size=[100, 100]",
                        "aggregate: give exactly one of aggregate.factor, aggregate.resolution or aggregate.size, not"
                                + " aggregate.factor and aggregate.size (--set KEY=null removes a key that the file"
                                + " sets)"),
                set("no grid", "aggregate.factor=null",
                        "aggregate: give exactly one of aggregate.factor, aggregate.resolution or aggregate.size; or set"
                                + " extract.points or extract.polygons for extraction only"),
                sets("statistics without a grid beside points", List.of("aggregate.factor=null",
                        "aggregate.stats=[mean]", "extract.points=points.geojson"),
                        "aggregate: give exactly one of aggregate.factor, aggregate.resolution or aggregate.size; or"
                                + " leave the aggregate section out for extraction only (aggregate.stats is set)"),
                set("polygon key without polygons", "extract.polygon-id=pid",
                        "extract.polygon-id: needs extract.polygons, the polygons to extract (from --set"
                                + " extract.polygon-id=pid)"),
                set("lateness without anything to extract", "extract.allowed-lateness=1 d",
                        "extract.allowed-lateness: needs extract.points, the points to extract (from --set"
                                + " extract.allowed-lateness=1 d)"),
                set("extract key without points", "extract.period=day",
                        "extract.period: needs extract.points, the points to extract (from --set extract.period=day)"),
                set("missing points file", "extract.points=nowhere.geojson",
                        "extract.points: {dir}/nowhere.geojson does not exist (from --set"
                                + " extract.points=nowhere.geojson)"),
                sets("unknown composite", List.of("extract.points=points.geojson", "extract.composite=mode"),
                        "extract.composite: expected one of median, mean, got 'mode' (from --set"
                                + " extract.composite=mode)"),
                sets("unknown interpolation", List.of("extract.points=points.geojson", "extract.interpolate=cubic"),
                        "extract.interpolate: expected one of linear, none, got 'cubic' (from --set"
                                + " extract.interpolate=cubic)"),
                sets("negative resolution", List.of("aggregate.factor=null", "aggregate.resolution=-20"),
                        "aggregate.resolution: must be greater than 0, got -20 (from --set aggregate.resolution=-20)"),
                sets("size of one number", List.of("aggregate.factor=null", "aggregate.size=[10]"),
                        "aggregate.size: expected 2 numbers [columns, rows], got 1 (from --set aggregate.size=[10])"),
                set("unknown statistic", "aggregate.stats=[count, median]",
                        "aggregate.stats: expected one of count, mean, min, max, std, sum, got 'median' (from --set"
                                + " aggregate.stats=[count, median])"),
                set("statistic twice", "aggregate.stats=[count, mean, count]",
                        "aggregate.stats: count is listed twice (from --set aggregate.stats=[count, mean, count])"),
                set("unknown period", "aggregate.period=week",
                        "aggregate.period: expected one of item, day, month, got 'week' (from --set"
                                + " aggregate.period=week)"),
                // output, checkpoint, job
                set("no output root", "output.root=null", "output.root: is required"),
                set("output on the web", "output.root=https://example.org/out",
                        "output.root: cannot write to https://example.org/out; use a path, file:// or s3:// (from"
                                + " --set output.root=https://example.org/out)"),
                set("checkpoint interval too short", "checkpoint.interval=5 ms",
                        "checkpoint.interval: must be at least 10 ms, got '5 ms' (from --set"
                                + " checkpoint.interval=5 ms)"),
                set("restore from nothing", "checkpoint.restore=savepoints/sp-1",
                        "checkpoint.restore: {dir}/savepoints/sp-1 does not exist (from --set"
                                + " checkpoint.restore=savepoints/sp-1)"),
                set("parallelism zero", "job.parallelism=0",
                        "job.parallelism: must be between 1 and 32768, got 0 (from --set job.parallelism=0)"),
                set("web-ui as a string", "job.web-ui='true'",
                        "job.web-ui: expected true or false, got 'true' (from --set job.web-ui='true')"));
    }

    @BeforeEach
    void catalog() throws IOException {
        Files.writeString(dir.resolve("catalog.json"), "{\"type\": \"Catalog\"}");
        Files.writeString(dir.resolve("points.geojson"), "{\"type\": \"FeatureCollection\", \"features\": []}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void namesTheKeyAndTheProblemInOneLine(Case c) throws IOException {
        Files.writeString(dir.resolve(FILE), c.yaml());

        assertThatThrownBy(() -> PipelineConfigLoader.load(Path.of(FILE), c.sets(), dir))
                .isInstanceOf(PipelineConfigException.class)
                .hasMessage("pipeline " + FILE + ": " + c.expected().replace("{dir}", dir.toString()));
    }
}
