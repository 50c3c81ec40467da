package dev.stacstream.cog.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.stacstream.cog.CogFile;
import dev.stacstream.cog.codec.DecompressorRegistry;
import dev.stacstream.cog.codec.Inflaters;
import dev.stacstream.cog.error.CogException;
import dev.stacstream.cog.testing.GdalOracle;
import dev.stacstream.cog.testing.Libdeflate;
import dev.stacstream.cog.testing.StoredBlocks;
import dev.stacstream.cog.testing.TestCorpus;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every TIFF of the shared corpus, every level, decodes to what GDAL decodes: whole levels, and windows
 * inside blocks, across block corners and along the partial right/bottom edge blocks.
 *
 * <p>No corpus file is skipped: a file the reader cannot decode would have to be listed in
 * {@link #EXPECTED_ERRORS} with the error kind it must raise (none is, today). Whole levels of the DEFLATE files
 * (the Sentinel-2 scene among them) are checked once more on each inflater, the JDK's zlib and libdeflate.
 */
class CorpusConformanceITCase {

    /**
     * Corpus files the reader is expected to refuse, with the {@code CogException.kind()} it must raise.
     * Every other corpus TIFF must match GDAL.
     */
    static final Map<String, String> EXPECTED_ERRORS = Map.of();

    static Stream<String> files() {
        return TestCorpus.require().tiffs().stream().filter(f -> !EXPECTED_ERRORS.containsKey(f));
    }

    static Stream<GdalConformance.LevelCase> levels() {
        TestCorpus corpus = TestCorpus.require();
        return files().flatMap(f -> GdalConformance.levelCases(f, corpus.resolve(f)));
    }

    @Test
    void everyCorpusTiffMatchesGdalOrRaisesItsExpectedError() {
        TestCorpus corpus = TestCorpus.require();
        assertThat(corpus.tiffs()).isNotEmpty().containsAll(EXPECTED_ERRORS.keySet());
        assertThat(files()).hasSize(corpus.tiffs().size() - EXPECTED_ERRORS.size());
        EXPECTED_ERRORS.forEach((file, kind) -> {
            Throwable thrown = catchThrowable(() -> {
                try (CogFile cog = CogFile.open(corpus.resolve(file).toString())) {
                    for (int level = 0; level < cog.levels().size(); level++) {
                        cog.read(level);
                    }
                }
            });
            assertThat(thrown).as(file).isInstanceOf(CogException.class);
            assertThat(((CogException) thrown).kind()).as(file).isEqualTo(kind);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void levelsHaveGdalsShapesAndTypes(String file) {
        GdalConformance.assertLevelsMatchGdal(file, TestCorpus.require().resolve(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("levels")
    void wholeLevelMatchesGdal(GdalConformance.LevelCase level) {
        GdalConformance.assertFullLevelMatchesGdal(level);
    }

    /** The levels of every DEFLATE file, on each inflater: the default run above uses whichever {@code Inflaters} chose. */
    static Stream<Arguments> deflateLevelsOnEachInflater() {
        TestCorpus corpus = TestCorpus.require();
        return files().filter(f -> StoredBlocks.hasDeflate(corpus.resolve(f)))
                .flatMap(f -> GdalConformance.levelCases(f, corpus.resolve(f)))
                .flatMap(level -> Stream.of(Arguments.of(level, Inflaters.JDK), Arguments.of(level, Inflaters.LIBDEFLATE)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("deflateLevelsOnEachInflater")
    void wholeDeflateLevelMatchesGdalOnEachInflater(GdalConformance.LevelCase level, String inflater) {
        DecompressorRegistry codecs = inflater.equals(Inflaters.JDK)
                ? DecompressorRegistry.withDeflate(Inflaters.jdk()) : Libdeflate.registry();
        GdalConformance.assertFullLevelMatchesGdal(level, codecs);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("levels")
    void windowsMatchGdal(GdalConformance.LevelCase level) {
        GdalConformance.assertWindowsMatchGdal(level);
    }

    @Test
    void gdalReadsEveryCorpusTiff() {
        GdalOracle oracle = GdalOracle.shared();
        TestCorpus corpus = TestCorpus.require();

        assertThat(corpus.tiffs()).allSatisfy(f -> assertThat(oracle.describe(corpus.resolve(f)).levels()).isNotEmpty());
    }
}
