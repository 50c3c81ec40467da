package dev.stacstream.cog.testing.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Checks the design's promises from the variant list itself, without GDAL. */
class MatrixDesignTest {

    private static final List<MatrixVariant> VARIANTS = MatrixDesign.variants();

    @Test
    void isSmallButNotTrivial() {
        assertThat(VARIANTS.size()).isBetween(150, 300);
    }

    @Test
    void namesAreUniqueAndSelfDescribing() {
        Set<String> names = VARIANTS.stream().map(MatrixVariant::fileName).collect(Collectors.toSet());

        assertThat(names).hasSize(VARIANTS.size());
        assertThat(new MatrixVariant(MatrixDataType.UINT16, MatrixCompression.DEFLATE, 2, MatrixLayout.TILE64, MatrixBands.PLANAR3,
                true, true, true, false, false).fileName()).isEqualTo("uint16_deflate_pred2_tile64_planar3_be_bigtiff_ovr.tif");
    }

    @Test
    void holdsEveryCodecCombinationGdalAllows() {
        Set<List<Object>> codecs = VARIANTS.stream()
                .map(v -> List.<Object>of(v.dataType(), v.compression(), v.predictor()))
                .collect(Collectors.toSet());

        for (MatrixDataType type : MatrixDataType.values()) {
            for (MatrixCompression compression : MatrixCompression.values()) {
                boolean jpegAllowed = !compression.isJpeg() || type == MatrixDataType.UINT8;
                assertThat(codecs.contains(List.of(type, compression, 1))).as("%s %s", type, compression).isEqualTo(jpegAllowed);
                assertThat(codecs.contains(List.of(type, compression, 2))).as("%s %s pred2", type, compression)
                        .isEqualTo(compression.takesPredictor());
                assertThat(codecs.contains(List.of(type, compression, 3))).as("%s %s pred3", type, compression)
                        .isEqualTo(compression.takesPredictor() && type.isFloating());
            }
        }
    }

    @Test
    void coversEveryCompatiblePairOfFactorValues() {
        Set<List<Integer>> covered = new HashSet<>();
        for (MatrixVariant v : VARIANTS) {
            int[] row = row(v);
            for (int a = 0; a < row.length; a++) {
                for (int b = a + 1; b < row.length; b++) {
                    covered.add(List.of(a, row[a], b, row[b]));
                }
            }
        }
        for (int a = 0; a < MatrixDesign.LEVELS.length; a++) {
            for (int b = a + 1; b < MatrixDesign.LEVELS.length; b++) {
                for (int va = 0; va < MatrixDesign.LEVELS[a]; va++) {
                    for (int vb = 0; vb < MatrixDesign.LEVELS[b]; vb++) {
                        assertThat(covered.contains(List.of(a, va, b, vb)))
                                .as("factor %d value %d with factor %d value %d", a, va, b, vb)
                                .isEqualTo(MatrixDesign.compatible(a, va, b, vb));
                    }
                }
            }
        }
    }

    @Test
    void byteOrderMeetsEverySampleTypeInEveryBandLayout() {
        Set<List<Object>> triples = VARIANTS.stream()
                .map(v -> List.<Object>of(v.dataType(), v.bands(), v.bigEndian()))
                .collect(Collectors.toSet());

        assertThat(triples).hasSize(MatrixDataType.values().length * MatrixBands.values().length * 2);
    }

    @Test
    void respectsWhatGdalCanWrite() {
        assertThat(VARIANTS).allSatisfy(v -> {
            if (v.compression().isJpeg()) {
                assertThat(v.dataType()).isEqualTo(MatrixDataType.UINT8);
                assertThat(v.predictor()).isEqualTo(1);
            }
            if (v.compression() == MatrixCompression.JPEG_YCBCR) {
                assertThat(v.bands()).isEqualTo(MatrixBands.CHUNKY3);
            }
            if (v.predictor() > 1) {
                assertThat(v.compression().takesPredictor()).isTrue();
            }
            if (v.predictor() == 3) {
                assertThat(v.dataType().isFloating()).isTrue();
            }
        });
    }

    @Test
    void includesSparseAndCogFiles() {
        assertThat(VARIANTS).filteredOn(MatrixVariant::sparse).hasSizeGreaterThanOrEqualTo(3);
        assertThat(VARIANTS).filteredOn(MatrixVariant::cog).extracting(MatrixVariant::compression)
                .contains(MatrixCompression.JPEG_YCBCR, MatrixCompression.DEFLATE);
    }

    @Test
    void translatesToTheGdalCommandItsNameDescribes() {
        MatrixVariant v = new MatrixVariant(MatrixDataType.FLOAT16, MatrixCompression.ZSTD, 3, MatrixLayout.STRIP10, MatrixBands.PLANAR3,
                true, false, true, true, false);

        assertThat(String.join(" ", v.translateArguments())).isEqualTo("-of GTiff -a_nodata 0 -co NBITS=16 -co COMPRESS=ZSTD"
                + " -co PREDICTOR=3 -co BLOCKYSIZE=10 -co INTERLEAVE=BAND -co ENDIANNESS=BIG -co BIGTIFF=NO -co SPARSE_OK=TRUE");
        assertThat(v.overviewFactors()).containsExactly(2, 4);
        assertThat(v.sourceName()).isEqualTo("src_float16_3_sparse.vrt");
    }

    private static int[] row(MatrixVariant v) {
        return new int[] {v.dataType().ordinal(), v.compression().ordinal(), v.predictor() - 1, v.layout().ordinal(),
            v.bands().ordinal(), v.bigEndian() ? 1 : 0, v.bigTiff() ? 1 : 0, v.overviews() ? 1 : 0};
    }
}
