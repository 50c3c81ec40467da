package dev.stacstream.cog.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.cog.testing.matrix.MatrixDesign;
import dev.stacstream.cog.testing.matrix.TiffMatrix;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of the generated TIFF matrix (sample types x compressions x predictors x block layouts x band
 * layouts x byte orders x BigTIFF x overviews, plus sparse and COG-driver files; see
 * {@code MatrixDesign}), every level, decodes to what GDAL decodes, whole and in windows.
 */
class TiffMatrixConformanceITCase {

    static Stream<TiffMatrix.MatrixFile> files() {
        return TiffMatrix.shared().files().stream();
    }

    static Stream<GdalConformance.LevelCase> levels() {
        return files().flatMap(f -> GdalConformance.levelCases(f.variant().fileName(), f.path()));
    }

    /** Also the visible skip (or CI failure) when GDAL is missing, which the parameterized tests report only as an aborted container. */
    @Test
    void gdalWroteEveryFileOfTheDesign() {
        assertThat(TiffMatrix.shared().files()).hasSameSizeAs(MatrixDesign.variants());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void levelsHaveGdalsShapesAndTypes(TiffMatrix.MatrixFile file) {
        GdalConformance.assertLevelsMatchGdal(file.variant().fileName(), file.path());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("levels")
    void wholeLevelMatchesGdal(GdalConformance.LevelCase level) {
        GdalConformance.assertFullLevelMatchesGdal(level);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("levels")
    void windowsMatchGdal(GdalConformance.LevelCase level) {
        GdalConformance.assertWindowsMatchGdal(level);
    }
}
