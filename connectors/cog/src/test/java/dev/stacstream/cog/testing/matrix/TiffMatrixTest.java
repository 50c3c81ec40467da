package dev.stacstream.cog.testing.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stacstream.cog.testing.GdalOracle;
import dev.stacstream.cog.testing.OracleDescription;
import dev.stacstream.cog.testing.TiffBytes;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The generated matrix exists, covers every dimension, and each file is what its name says. */
class TiffMatrixTest {

    static Stream<TiffMatrix.MatrixFile> files() {
        return TiffMatrix.shared().files().stream();
    }

    @Test
    void gdalWritesEveryVariantOfTheDesign() {
        TiffMatrix matrix = TiffMatrix.shared();

        assertThat(matrix.refusals()).as("variants GDAL refused").isEmpty();
        assertThat(matrix.files()).hasSameSizeAs(MatrixDesign.variants());
    }

    @Test
    void generatedFilesCoverEveryValueOfEveryDimension() {
        List<MatrixVariant> written = TiffMatrix.shared().files().stream().map(TiffMatrix.MatrixFile::variant).toList();

        assertThat(values(written, MatrixVariant::dataType)).containsExactlyInAnyOrder(MatrixDataType.values());
        assertThat(values(written, MatrixVariant::compression)).containsExactlyInAnyOrder(MatrixCompression.values());
        assertThat(values(written, MatrixVariant::predictor)).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(values(written, MatrixVariant::layout)).containsExactlyInAnyOrder(MatrixLayout.values());
        assertThat(values(written, MatrixVariant::bands)).containsExactlyInAnyOrder(MatrixBands.values());
        assertThat(values(written, MatrixVariant::bigEndian)).containsExactlyInAnyOrder(true, false);
        assertThat(values(written, MatrixVariant::bigTiff)).containsExactlyInAnyOrder(true, false);
        assertThat(values(written, MatrixVariant::overviews)).containsExactlyInAnyOrder(true, false);
        assertThat(values(written, MatrixVariant::sparse)).containsExactlyInAnyOrder(true, false);
        assertThat(values(written, MatrixVariant::cog)).containsExactlyInAnyOrder(true, false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void fileHoldsWhatItsNameSays(TiffMatrix.MatrixFile file) {
        MatrixVariant v = file.variant();
        TiffBytes tiff = TiffBytes.read(file.path());
        List<TiffBytes.Directory> dirs = tiff.directories();
        TiffBytes.Directory ifd = dirs.get(0);

        assertThat(tiff.byteOrder()).isEqualTo(v.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        assertThat(tiff.bigTiff()).isEqualTo(v.bigTiff());
        assertThat(tiff.value(ifd, TiffBytes.COMPRESSION, 1)).isEqualTo(v.compression().tiffCode());
        assertThat(tiff.value(ifd, TiffBytes.PREDICTOR, 1)).isEqualTo(v.predictor());
        assertThat(tiff.value(ifd, TiffBytes.SAMPLES_PER_PIXEL, 1)).isEqualTo(v.bands().count());
        assertThat(tiff.value(ifd, TiffBytes.BITS_PER_SAMPLE, 1)).isEqualTo(v.dataType().tiffBits());
        assertThat(tiff.value(ifd, TiffBytes.SAMPLE_FORMAT, 1)).isEqualTo(v.dataType().sampleFormat());
        if (v.bands().count() > 1) {
            assertThat(tiff.value(ifd, TiffBytes.PLANAR_CONFIGURATION, 1)).isEqualTo(v.bands().planarConfiguration());
        }
        assertThat(tiff.value(ifd, TiffBytes.PHOTOMETRIC, -1) == 6).isEqualTo(v.compression() == MatrixCompression.JPEG_YCBCR);
        if (v.layout().tiled()) {
            assertThat(tiff.value(ifd, TiffBytes.TILE_WIDTH, -1)).isEqualTo(v.layout().blockWidth());
            assertThat(tiff.value(ifd, TiffBytes.TILE_LENGTH, -1)).isEqualTo(v.layout().blockHeight());
        } else {
            assertThat(ifd.entries()).doesNotContainKey(TiffBytes.TILE_WIDTH);
            assertThat(tiff.value(ifd, TiffBytes.ROWS_PER_STRIP, -1)).isEqualTo(v.layout().blockHeight());
        }
        long overviews = dirs.stream().filter(d -> (tiff.value(d, TiffBytes.NEW_SUBFILE_TYPE, 0) & TiffBytes.REDUCED_RESOLUTION) != 0).count();
        assertThat(overviews > 0).as("has overviews").isEqualTo(v.overviews());
        long[] offsets = tiff.values(ifd.entry(v.layout().tiled() ? TiffBytes.TILE_OFFSETS : TiffBytes.STRIP_OFFSETS));
        assertThat(Arrays.stream(offsets).anyMatch(offset -> offset == 0)).as("has sparse blocks").isEqualTo(v.sparse());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void gdalReadsTheTypeAndShapeOfTheVariant(TiffMatrix.MatrixFile file) {
        MatrixVariant v = file.variant();

        OracleDescription description = GdalOracle.shared().describe(file.path());

        OracleDescription.Level full = description.levels().get(0);
        assertThat(full.width()).isEqualTo(MatrixSource.WIDTH);
        assertThat(full.height()).isEqualTo(MatrixSource.HEIGHT);
        assertThat(full.bands()).isEqualTo(v.bands().count());
        assertThat(full.dtype()).isEqualTo(v.dataType() == MatrixDataType.FLOAT16 ? "float32" : v.dataType().token());
        assertThat(full.nbits()).isEqualTo(v.dataType().tiffBits());
        assertThat(description.levels().size() > 1).isEqualTo(v.overviews());
        assertThat(description.nodata()).isEqualTo(v.sparse() ? "0.0" : null);
    }

    @Test
    void reusesTheFilesOfAnIdenticalPlanAndRegeneratesForAChangedOne(@TempDir Path dir) throws IOException {
        GdalOracle.requireGdal();
        List<MatrixVariant> one = MatrixDesign.variants().subList(0, 1);
        List<MatrixVariant> two = MatrixDesign.variants().subList(0, 2);
        Path first = dir.resolve(one.get(0).fileName());
        TiffMatrix.generate(dir, one);
        FileTime stamp = FileTime.fromMillis(0);
        Files.setLastModifiedTime(first, stamp);

        TiffMatrix again = TiffMatrix.generate(dir, one);
        assertThat(again.files()).extracting(TiffMatrix.MatrixFile::path).containsExactly(first);
        assertThat(Files.getLastModifiedTime(first)).isEqualTo(stamp);

        TiffMatrix changed = TiffMatrix.generate(dir, two);
        assertThat(changed.files()).hasSize(2);
        assertThat(Files.getLastModifiedTime(first)).isNotEqualTo(stamp);
    }

    @Test
    void neverEmptiesADirectoryThatIsNotAMatrix(@TempDir Path dir) throws IOException {
        Path precious = Files.writeString(dir.resolve("precious.txt"), "not a matrix file");

        assertThatThrownBy(() -> TiffMatrix.generate(dir, MatrixDesign.variants().subList(0, 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refusing to empty " + dir);
        assertThat(precious).hasContent("not a matrix file");
    }

    private static <T> Set<T> values(List<MatrixVariant> variants, Function<MatrixVariant, T> dimension) {
        return variants.stream().map(dimension).collect(Collectors.toSet());
    }
}
