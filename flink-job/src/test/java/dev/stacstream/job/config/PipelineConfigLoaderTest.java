package dev.stacstream.job.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Loading valid pipelines: defaults, nesting, {@code --set} precedence, paths, and the effective-config writer. */
class PipelineConfigLoaderTest {

    private static final String MINIMAL = """
            source:
              catalog: catalog.json
            assets:
              bands: [red, nir]
            aggregate:
              factor: 10
            output:
              root: out
            """;

    /** Every key set, none at its default: what the writer must reproduce exactly. */
    private static final String EVERY_KEY = """
            source:
              api: https://earth-search.aws.element84.com/v1/
              collections: [sentinel-2-l2a, sentinel-2-c1-l2a]
              intersects:
                type: Polygon
                coordinates: [[[13.2, 52.4], [13.6, 52.4], [13.6, 52.6], [13.2, 52.6], [13.2, 52.4]]]
              datetime: 2023-06-01/..
              query: {eo:cloud_cover: {lt: 20}, s2:processing_baseline: {in: ['05.09', '05.10']}}
              filter: {op: '<', args: [{property: 'eo:cloud_cover'}, 20]}
              bounded: true
              poll-interval: 10 min
              lookback: 2 d
            assets:
              bands: [B04, B08]
              scale-offset: false
              level: 1
            mask:
              asset: scl
              exclude: [10, 3, 9, 8]
              dilation:
                enabled: true
                mask1-values: [4, 5]
                mask2-values: [8, 9]
                kernel1-size: 9
                kernel2-size: 39
                erosion-kernel-size: 3
            aggregate:
              resolution: 200
              stats: [sum, count]
              period: month
              allowed-lateness: 12 h
            extract:
              points: refs/points.geojson
              point-id: sample_id
              period: day
              composite: mean
              interpolate: none
              allowed-lateness: 1 d
            output:
              root: s3://bucket/stacstream/run-1/
            checkpoint:
              interval: 90 s
              dir: checkpoints
              restore: savepoints/sp-1
            job:
              parallelism: 4
              name: nightly composites
              web-ui: false
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void catalogAndSavepoint() throws IOException {
        Files.writeString(dir.resolve("catalog.json"), "{\"type\": \"Catalog\"}");
        Files.createDirectories(dir.resolve("savepoints/sp-1"));
        Files.createDirectories(dir.resolve("refs"));
        Files.writeString(dir.resolve("refs/points.geojson"), "{\"type\": \"FeatureCollection\", \"features\": []}");
    }

    @Test
    void aMinimalFileGetsEveryDefault() throws IOException {
        PipelineConfig config = load(MINIMAL);

        assertThat(config.source()).isEqualTo(SourceConfig.builder(new StacEndpoint.Catalog(fileUri("catalog.json")))
                .build());
        assertThat(config.source().collections()).isEmpty();
        assertThat(config.source().spatialFilter()).isEqualTo(new SpatialFilter.Anywhere());
        assertThat(config.source().datetime().isUnbounded()).isTrue();
        assertThat(config.source().queryJson()).isEmpty();
        assertThat(config.source().filterJson()).isEmpty();
        assertThat(config.source().bounded()).isTrue();
        assertThat(config.source().pollInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.source().lookback()).isEqualTo(Duration.ofDays(3));
        assertThat(config.assets()).isEqualTo(new AssetsConfig(List.of("red", "nir"), true, 0));
        assertThat(config.mask()).isEqualTo(new MaskConfig.NoMask());
        assertThat(config.aggregate()).isEqualTo(new AggregateConfig(new GridSpec.ByFactor(10),
                EnumSet.of(Statistic.COUNT, Statistic.MEAN, Statistic.MIN, Statistic.MAX, Statistic.STD), Period.DAY,
                Duration.ofDays(3)));
        assertThat(config.output().root()).isEqualTo(URI.create("file://" + dir + "/out"));
        assertThat(config.output().gridStats()).isEqualTo(URI.create("file://" + dir + "/out/grid_stats/"));
        assertThat(config.output().errors()).isEqualTo(URI.create("file://" + dir + "/out/errors/"));
        assertThat(config.checkpoint()).isEqualTo(new CheckpointConfig(Duration.ofSeconds(30),
                URI.create("file://" + dir + "/out/_checkpoints"), null));
        assertThat(config.job()).isEqualTo(new JobConfig(null, "stacstream pipeline", true));
        assertThat(config.job().parallelism()).isEqualTo(OptionalInt.empty());
    }

    @Test
    void aClassMaskDefaultsToTheCommonSclExclusionWithoutDilation() throws IOException {
        PipelineConfig config = load(MINIMAL + "mask: {asset: scl}\n");

        assertThat(config.mask()).isEqualTo(new MaskConfig.ClassMask("scl", List.of(0, 1, 3, 8, 9, 10),
                new SclDilation(false, List.of(2, 4, 5, 6, 7), List.of(3, 8, 9, 10, 11), 17, 201, 0)));
        assertThat(config.mask().maskAsset()).contains("scl");
        assertThat(((MaskConfig.ClassMask) config.mask()).dilation().haloPixels()).isZero();
    }

    @Test
    void dilationNeedsAHaloOfHalfTheWidestKernelPlusHalfTheErosion() throws IOException {
        PipelineConfig config = load(MINIMAL + "mask: {asset: scl, dilation: {enabled: true, erosion-kernel-size: 5}}\n");

        assertThat(((MaskConfig.ClassMask) config.mask()).dilation().haloPixels()).isEqualTo(201 / 2 + 5 / 2);
    }

    @Test
    void qaBitsMakeABitMask() throws IOException {
        PipelineConfig config = load(MINIMAL + "mask: {asset: qa_pixel, qa-bits: [4, 0, 1, 2, 3]}\n");

        assertThat(config.mask()).isEqualTo(new MaskConfig.BitMask("qa_pixel", List.of(0, 1, 2, 3, 4)));
        assertThat(((MaskConfig.BitMask) config.mask()).bitMask()).isEqualTo(0b11111L);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // nested
        "source: {catalog: catalog.json}\nassets: {bands: [red, nir]}\naggregate: {factor: 10}\noutput: {root: out}\n",
        // dotted
        "source.catalog: catalog.json\nassets.bands: [red, nir]\naggregate.factor: 10\noutput.root: out\n",
        // mixed, and a section left empty
        "source.catalog: catalog.json\nassets:\n  bands: [red, nir]\naggregate.factor: 10\noutput: {root: out}\nmask:\n"
    })
    void nestedAndDottedKeysMeanTheSame(String yaml) throws IOException {
        assertThat(load(yaml)).isEqualTo(load(MINIMAL));
    }

    @Test
    void setOverridesTheFileAndTheLastSetWins() throws IOException {
        PipelineConfig config = load(MINIMAL, "aggregate.factor=20", "assets.bands=[red, nir, swir16]",
                "aggregate.factor=30");

        assertThat(config.aggregate().grid()).isEqualTo(new GridSpec.ByFactor(30));
        assertThat(config.assets().bands()).containsExactly("red", "nir", "swir16");
    }

    @Test
    void setNullRestoresTheDefault() throws IOException {
        PipelineConfig config = load(MINIMAL + "aggregate.period: month\n", "aggregate.period=null");

        assertThat(config.aggregate().period()).isEqualTo(Period.DAY);
    }

    @Test
    void setCanGiveAWholeSection() throws IOException {
        PipelineConfig config = load(MINIMAL, "mask={asset: scl, exclude: [8, 9]}");

        assertThat(config.mask()).isEqualTo(new MaskConfig.ClassMask("scl", List.of(8, 9), SclDilation.disabled()));
    }

    @Test
    void setCanSwitchTheSourceToAnApiWhichIsContinuousByDefault() throws IOException {
        PipelineConfig config = load(MINIMAL, "source.catalog=null",
                "source.api=https://earth-search.aws.element84.com/v1", "source.collections=[sentinel-2-l2a]");

        assertThat(config.source().endpoint())
                .isEqualTo(new StacEndpoint.Api(URI.create("https://earth-search.aws.element84.com/v1")));
        assertThat(config.source().collections()).containsExactly("sentinel-2-l2a");
        assertThat(config.source().bounded()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "30s, PT30S", "30 s, PT30S", "30 sec, PT30S", "30 seconds, PT30S", "5 min, PT5M", "5min, PT5M",
        "2 h, PT2H", "1 hour, PT1H", "3 d, PT72H", "2 days, PT48H", "250 ms, PT0.25S", "0 s, PT0S"
    })
    void durationsAreANumberAndAUnit(String text, Duration expected) throws IOException {
        PipelineConfig config = load(MINIMAL, "source.lookback=" + text);

        assertThat(config.source().lookback()).isEqualTo(expected);
    }

    @Test
    void datetimeIntervalsAcceptDatesAndOpenEnds() throws IOException {
        PipelineConfig config = load(MINIMAL, "source.datetime=2023-06-01/..");

        assertThat(config.source().datetime().start()).contains(Instant.parse("2023-06-01T00:00:00Z"));
        assertThat(config.source().datetime().end()).isEmpty();
        assertThat(config.source().datetime().toStacInterval()).isEqualTo("2023-06-01T00:00:00Z/..");
    }

    @Test
    void relativePathsResolveAgainstTheWorkingDirectory() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/catalog.json"), "{}");

        PipelineConfig config = load(MINIMAL, "source.catalog=data/../data/catalog.json", "output.root=runs/1/",
                "checkpoint.dir=ckpt", "checkpoint.restore=savepoints/sp-1");

        assertThat(config.source().endpoint().uri()).isEqualTo(fileUri("data/catalog.json"));
        assertThat(config.output().root()).isEqualTo(URI.create("file://" + dir + "/runs/1"));
        assertThat(config.checkpoint().directory()).isEqualTo(URI.create("file://" + dir + "/ckpt"));
        assertThat(config.checkpoint().restoreFrom()).contains(URI.create("file://" + dir + "/savepoints/sp-1"));
    }

    @Test
    void absolutePathsAndUrisAreKept() throws IOException {
        Path elsewhere = Files.createTempDirectory(dir, "elsewhere");
        Files.writeString(elsewhere.resolve("catalog.json"), "{}");

        PipelineConfig config = load(MINIMAL, "source.catalog=" + elsewhere.resolve("catalog.json"),
                "output.root=s3://bucket/prefix/", "checkpoint.dir=file://" + elsewhere + "/ckpt/");

        assertThat(config.source().endpoint().uri()).isEqualTo(elsewhere.resolve("catalog.json").toUri());
        assertThat(config.output().root()).isEqualTo(URI.create("s3://bucket/prefix"));
        assertThat(config.output().gridStats()).isEqualTo(URI.create("s3://bucket/prefix/grid_stats/"));
        assertThat(config.checkpoint().directory()).isEqualTo(URI.create("file://" + elsewhere + "/ckpt"));
    }

    @Test
    void pointExtractionAloneNeedsNoAggregateSectionAndGetsTheGfmapDefaults() throws IOException {
        PipelineConfig config = load(MINIMAL.replace("aggregate:\n  factor: 10\n", "extract:\n  points: refs/points.geojson\n"));

        assertThat(config.hasGrid()).isFalse();
        assertThat(config.aggregate()).isNull();
        assertThat(config.hasPoints()).isTrue();
        assertThat(config.points()).isEqualTo(new PointsConfig(fileUri("refs/points.geojson"), null, Period.MONTH,
                PointsConfig.Composite.MEDIAN, PointsConfig.Interpolation.LINEAR, Duration.ofDays(3)));
    }

    @Test
    void withoutExtractPointsThereIsNoPointExtraction() throws IOException {
        PipelineConfig config = load(MINIMAL);

        assertThat(config.hasPoints()).isFalse();
        assertThat(config.points()).isNull();
        assertThat(config.hasGrid()).isTrue();
    }

    @Test
    void everyKeyIsRead() throws IOException {
        PipelineConfig config = load(EVERY_KEY);

        SourceConfig source = config.source();
        assertThat(source.endpoint().uri()).isEqualTo(URI.create("https://earth-search.aws.element84.com/v1"));
        assertThat(source.collections()).containsExactly("sentinel-2-l2a", "sentinel-2-c1-l2a");
        assertThat(source.spatialFilter()).isEqualTo(new SpatialFilter.Intersects("{\"type\":\"Polygon\","
                + "\"coordinates\":[[[13.2,52.4],[13.6,52.4],[13.6,52.6],[13.2,52.6],[13.2,52.4]]]}"));
        assertThat(source.queryJson()).contains("{\"eo:cloud_cover\":{\"lt\":20},"
                + "\"s2:processing_baseline\":{\"in\":[\"05.09\",\"05.10\"]}}");
        assertThat(source.filterJson()).contains("{\"op\":\"<\",\"args\":[{\"property\":\"eo:cloud_cover\"},20]}");
        assertThat(source.bounded()).isTrue();
        assertThat(source.pollInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.assets()).isEqualTo(new AssetsConfig(List.of("B04", "B08"), false, 1));
        assertThat(config.mask()).isEqualTo(new MaskConfig.ClassMask("scl", List.of(3, 8, 9, 10),
                new SclDilation(true, List.of(4, 5), List.of(8, 9), 9, 39, 3)));
        assertThat(config.aggregate()).isEqualTo(new AggregateConfig(new GridSpec.ByResolution(200),
                EnumSet.of(Statistic.COUNT, Statistic.SUM), Period.MONTH, Duration.ofHours(12)));
        assertThat(config.points()).isEqualTo(new PointsConfig(fileUri("refs/points.geojson"), "sample_id", Period.DAY,
                PointsConfig.Composite.MEAN, PointsConfig.Interpolation.NONE, Duration.ofDays(1)));
        assertThat(config.output().root()).isEqualTo(URI.create("s3://bucket/stacstream/run-1"));
        assertThat(config.checkpoint().interval()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.job()).isEqualTo(new JobConfig(4, "nightly composites", false));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        MINIMAL,
        EVERY_KEY,
        """
        source: {catalog: catalog.json, bbox: [179.5, -10, -179.5, 10], datetime: 2023-06-12}
        assets: {bands: [nir08]}
        mask: {asset: qa_pixel, qa-bits: [0, 1, 2, 3, 4]}
        aggregate: {size: [100, 80], period: item}
        output: {root: out}
        """,
        """
        source: {catalog: catalog.json}
        assets: {bands: [red]}
        extract: {points: refs/points.geojson}
        output: {root: out}
        """
    })
    void theWrittenEffectiveConfigurationLoadsBackEqual(String yaml) throws IOException {
        PipelineConfig config = load(yaml);

        String written = PipelineConfigWriter.toYaml(config);
        Files.writeString(dir.resolve("effective.yaml"), written);

        assertThat(PipelineConfigLoader.load(Path.of("effective.yaml"), List.of(), dir)).isEqualTo(config);
    }

    @Test
    void aLoadedConfigurationSurvivesJavaSerialization() throws Exception {
        PipelineConfig config = load(EVERY_KEY);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(config);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(config);
        }
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> PipelineConfigLoader.load(Path.of("conf/missing.yaml"), List.of(), dir))
                .isInstanceOf(PipelineConfigException.class)
                .hasMessage("pipeline conf/missing.yaml: no such file (" + dir.resolve("conf/missing.yaml") + ")");
    }

    @Test
    void theExceptionCarriesFileAndKey() throws IOException {
        Files.writeString(dir.resolve("pipeline.yaml"), MINIMAL);

        assertThatThrownBy(() -> PipelineConfigLoader.load(Path.of("pipeline.yaml"), List.of("aggregate.factor=0"),
                dir))
                .isInstanceOfSatisfying(PipelineConfigException.class, e -> {
                    assertThat(e.file()).isEqualTo("pipeline.yaml");
                    assertThat(e.key()).contains("aggregate.factor");
                    assertThat(e.problem()).isEqualTo("must be at least 1, got 0 (from --set aggregate.factor=0)");
                });
    }

    private PipelineConfig load(String yaml, String... sets) throws IOException {
        Files.writeString(dir.resolve("pipeline.yaml"), yaml);
        return PipelineConfigLoader.load(Path.of("pipeline.yaml"), List.of(sets), dir);
    }

    private URI fileUri(String relative) {
        return dir.resolve(relative).toUri();
    }
}
