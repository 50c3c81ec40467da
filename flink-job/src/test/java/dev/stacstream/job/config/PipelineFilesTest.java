package dev.stacstream.job.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The committed pipeline files load as documented, from the repository root as {@code bin/stacstream} runs them. */
class PipelineFilesTest {

    private static final Path ROOT = Path.of(System.getProperty("stacstream.root", "..")).toAbsolutePath().normalize();
    private static final Path LOCAL = Path.of("conf/pipelines/local.yaml");
    private static final Path EARTH_SEARCH = Path.of("conf/pipelines/earth-search.yaml");
    /** A commented-out example line, "# key: value", keeping the indentation after the '#'. */
    private static final Pattern EXAMPLE = Pattern.compile("^(\\s*)# ?(\\s*[a-z][a-z0-9-]*:(\\s.*)?)$");
    private static final EnumSet<Statistic> COUNT_MEAN_MIN_MAX_STD =
            EnumSet.of(Statistic.COUNT, Statistic.MEAN, Statistic.MIN, Statistic.MAX, Statistic.STD);

    @Test
    void localRunsTheSentinel2ItemsOfTheTestCatalog() {
        PipelineConfig config = PipelineConfigLoader.load(LOCAL, List.of(), ROOT);

        assertThat(config.source().endpoint())
                .isEqualTo(new StacEndpoint.Catalog(ROOT.resolve("test-data/catalog/catalog.json").toUri()));
        assertThat(config.source().collections()).containsExactly("sentinel-2-l2a");
        assertThat(config.source().bounded()).isTrue();
        assertThat(config.assets()).isEqualTo(new AssetsConfig(List.of("red", "nir"), true, 0));
        assertThat(config.mask()).isEqualTo(new MaskConfig.ClassMask("scl", List.of(0, 1, 3, 8, 9, 10),
                SclDilation.disabled()));
        assertThat(config.aggregate()).isEqualTo(new AggregateConfig(new GridSpec.ByFactor(10),
                COUNT_MEAN_MIN_MAX_STD, Period.DAY, Duration.ofDays(3)));
        assertThat(config.output().root()).isEqualTo(URI.create("file://" + ROOT + "/out/local"));
        assertThat(config.checkpoint().interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.job().name()).isEqualTo("stacstream local");
    }

    @Test
    void localRunsTheLandsatSceneWithTheOverridesItsCommentGives() {
        PipelineConfig config = PipelineConfigLoader.load(LOCAL, List.of("source.collections=[landsat-c2-l2]",
                "assets.bands=[red, nir08]", "mask.asset=qa_pixel", "mask.qa-bits=[0, 1, 2, 3, 4]"), ROOT);

        assertThat(config.source().collections()).containsExactly("landsat-c2-l2");
        assertThat(config.assets().bands()).containsExactly("red", "nir08");
        assertThat(config.mask()).isEqualTo(new MaskConfig.BitMask("qa_pixel", List.of(0, 1, 2, 3, 4)));
    }

    @Test
    void earthSearchPollsTheApiForASmallArea() {
        PipelineConfig config = PipelineConfigLoader.load(EARTH_SEARCH, List.of(), ROOT);

        SourceConfig source = config.source();
        assertThat(source.endpoint())
                .isEqualTo(new StacEndpoint.Api(URI.create("https://earth-search.aws.element84.com/v1")));
        assertThat(source.collections()).containsExactly("sentinel-2-l2a");
        assertThat(source.spatialFilter()).isEqualTo(new SpatialFilter.Bbox(13.3, 52.45, 13.5, 52.55));
        assertThat(source.datetime().toStacInterval()).isEqualTo("2024-01-01T00:00:00Z/..");
        assertThat(source.queryJson()).contains("{\"eo:cloud_cover\":{\"lt\":80}}");
        assertThat(source.bounded()).isFalse();
        assertThat(source.pollInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.mask()).isEqualTo(new MaskConfig.ClassMask("scl", List.of(3, 8, 9, 10),
                SclDilation.disabled()));
        assertThat(config.aggregate()).isEqualTo(new AggregateConfig(new GridSpec.ByFactor(10),
                COUNT_MEAN_MIN_MAX_STD, Period.MONTH, Duration.ofDays(3)));
        assertThat(config.output().root()).isEqualTo(URI.create("file://" + ROOT + "/out/earth-search"));
    }

    @Test
    void earthSearchBecomesABoundedBackFillWithTheOverridesItsCommentGives() {
        PipelineConfig config = PipelineConfigLoader.load(EARTH_SEARCH,
                List.of("source.bounded=true", "source.datetime=2024-06-01/2024-06-30"), ROOT);

        assertThat(config.source().bounded()).isTrue();
        assertThat(config.source().datetime())
                .isEqualTo(DatetimeRange.parse("2024-06-01T00:00:00Z/2024-06-30T23:59:59.999999999Z"));
    }

    @Test
    void pointsExtractsTheTestPointsMonthlyWithoutAGrid() {
        PipelineConfig config = PipelineConfigLoader.load(Path.of("conf/pipelines/points.yaml"), List.of(), ROOT);

        assertThat(config.hasGrid()).isFalse();
        assertThat(config.points()).isEqualTo(new PointsConfig(ROOT.resolve("test-data/points/points.geojson").toUri(),
                "sample_id", Period.MONTH, PointsConfig.Composite.MEDIAN, PointsConfig.Interpolation.LINEAR,
                Duration.ofDays(3)));
        assertThat(config.mask().maskAsset()).contains("scl");
        assertThat(config.output().manifests()).isEmpty();
    }

    @Test
    void parcelsExtractsTheTestParcelsWithoutAGrid() {
        PipelineConfig config = PipelineConfigLoader.load(Path.of("conf/pipelines/parcels.yaml"), List.of(), ROOT);

        assertThat(config.hasGrid()).isFalse();
        assertThat(config.hasPoints()).isFalse();
        assertThat(config.polygons()).isEqualTo(new PolygonsConfig(ROOT.resolve("test-data/polygons/parcels.geojson")
                .toUri(), "parcel_id", PolygonsConfig.PixelsBy.DAY, 128, Duration.ofDays(3)));
    }

    @Test
    void localShowsEveryKey() throws IOException {
        Set<String> shown = keysWithExamplesUncommented(LOCAL);

        assertThat(shown).containsAll(PipelineOptions.all().stream().map(PipelineOption::key).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"conf/pipelines/local.yaml", "conf/pipelines/earth-search.yaml", "conf/pipelines/points.yaml",
        "conf/pipelines/parcels.yaml"})
    void commentedExamplesUseOnlyKnownKeys(String file) throws IOException {
        Set<String> shown = keysWithExamplesUncommented(Path.of(file));

        assertThat(shown).isNotEmpty().allSatisfy(key -> assertThat(PipelineOptions.find(key)).as(key).isPresent());
    }

    /** The keys of the file with every "# key: value" example switched on (flattening rejects unknown keys). */
    private static Set<String> keysWithExamplesUncommented(Path file) throws IOException {
        String uncommented = Files.readAllLines(ROOT.resolve(file)).stream()
                .map(line -> EXAMPLE.matcher(line).replaceFirst("$1$2"))
                .collect(Collectors.joining("\n"));
        PipelineSettings settings = PipelineSettings.fromFile(file.toString(), new YAMLMapper().readTree(uncommented));
        Set<String> keys = new HashSet<>();
        for (PipelineOption<?> option : PipelineOptions.all()) {
            settings.get(option.key()).ifPresent(s -> keys.add(s.key()));
        }
        return keys;
    }
}
