package dev.stacstream.cog.testing.matrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which TIFF variants the matrix holds: a covering design instead of the full cartesian product (which
 * would be tens of thousands of files).
 *
 * <ul>
 *   <li>every (sample type, compression, predictor) combination GDAL allows;
 *   <li>every pair of values of any two factors (sample type, compression, predictor, layout, bands,
 *       byte order, BigTIFF, overviews), so e.g. big-endian meets every compression and every sample type,
 *       planar meets every compression, and so on;
 *   <li>every (sample type, bands, byte order), (sample type, layout, bands) and (compression, layout,
 *       bands) triple, because byte swapping depends on the sample width and the band layout, assembling
 *       partial edge blocks on the sample width, block shape and band layout, and block decoding on the
 *       codec, block shape and band layout; and every (byte order, BigTIFF, overviews) triple, since IFD
 *       parsing depends on all three;
 *   <li>a few sparse files (blocks left out) and files written by the COG driver.
 * </ul>
 *
 * <p>Values that cannot coexist are never combined: JPEG is 8-bit unsigned without predictor in blocks of
 * whole 16-row MCUs, YCbCr JPEG is three chunky bands, predictors need DEFLATE, LZW or ZSTD, and the
 * floating-point predictor needs floats.
 */
public final class MatrixDesign {

    static final int DATA_TYPE = 0;
    static final int COMPRESSION = 1;
    static final int PREDICTOR = 2;
    static final int LAYOUT = 3;
    static final int BANDS = 4;
    static final int BYTE_ORDER = 5;
    static final int BIG_TIFF = 6;
    static final int OVERVIEWS = 7;

    /** Number of values of each factor above; predictor value i is TIFF predictor i + 1, booleans are 0/1. */
    static final int[] LEVELS = {
        MatrixDataType.values().length, MatrixCompression.values().length, 3,
        MatrixLayout.values().length, MatrixBands.values().length, 2, 2, 2};

    /** libtiff needs JPEG strips and tiles in whole 16-row MCUs (8 rows times 2 for YCbCr subsampling). */
    private static final int JPEG_MCU_ROWS = 16;

    private MatrixDesign() {}

    /** The variants, in a fixed order. */
    public static List<MatrixVariant> variants() {
        List<int[]> interactions = new ArrayList<>(CoveringArray.allPairs(LEVELS.length));
        interactions.add(new int[] {DATA_TYPE, BANDS, BYTE_ORDER});
        interactions.add(new int[] {COMPRESSION, LAYOUT, BANDS});
        interactions.add(new int[] {DATA_TYPE, LAYOUT, BANDS});
        interactions.add(new int[] {BYTE_ORDER, BIG_TIFF, OVERVIEWS});
        List<MatrixVariant> variants = new ArrayList<>();
        for (int[] row : new CoveringArray(LEVELS, MatrixDesign::compatible, interactions).build(codecSeeds())) {
            variants.add(toVariant(row));
        }
        variants.addAll(sparseVariants());
        variants.addAll(cogVariants());
        return variants;
    }

    /** Whether two factor values can be in one file (the rules in the class comment). */
    static boolean compatible(int a, int va, int b, int vb) {
        int[] row = new int[LEVELS.length];
        Arrays.fill(row, CoveringArray.FREE);
        row[a] = va;
        row[b] = vb;
        return compatible(row);
    }

    private static boolean compatible(int[] row) {
        MatrixDataType type = row[DATA_TYPE] == CoveringArray.FREE ? null : MatrixDataType.values()[row[DATA_TYPE]];
        MatrixCompression compression = row[COMPRESSION] == CoveringArray.FREE ? null : MatrixCompression.values()[row[COMPRESSION]];
        int predictor = row[PREDICTOR] == CoveringArray.FREE ? 0 : row[PREDICTOR] + 1;
        MatrixBands bands = row[BANDS] == CoveringArray.FREE ? null : MatrixBands.values()[row[BANDS]];
        MatrixLayout layout = row[LAYOUT] == CoveringArray.FREE ? null : MatrixLayout.values()[row[LAYOUT]];
        if (compression != null && compression.isJpeg() && layout != null && layout.blockHeight() % JPEG_MCU_ROWS != 0) {
            return false;
        }
        if (compression != null && compression.isJpeg()
                && ((type != null && type != MatrixDataType.UINT8) || predictor > 1)) {
            return false;
        }
        if (compression == MatrixCompression.JPEG_YCBCR && bands != null && bands != MatrixBands.CHUNKY3) {
            return false;
        }
        if (predictor > 1 && compression != null && !compression.takesPredictor()) {
            return false;
        }
        return predictor != 3 || type == null || type.isFloating();
    }

    /** One seed row per allowed (sample type, compression, predictor); the other factors are filled greedily. */
    private static List<int[]> codecSeeds() {
        List<int[]> seeds = new ArrayList<>();
        for (int t = 0; t < LEVELS[DATA_TYPE]; t++) {
            for (int c = 0; c < LEVELS[COMPRESSION]; c++) {
                for (int p = 0; p < LEVELS[PREDICTOR]; p++) {
                    int[] row = new int[LEVELS.length];
                    Arrays.fill(row, CoveringArray.FREE);
                    row[DATA_TYPE] = t;
                    row[COMPRESSION] = c;
                    row[PREDICTOR] = p;
                    if (compatible(row)) {
                        seeds.add(row);
                    }
                }
            }
        }
        return seeds;
    }

    static MatrixVariant toVariant(int[] row) {
        return new MatrixVariant(MatrixDataType.values()[row[DATA_TYPE]], MatrixCompression.values()[row[COMPRESSION]],
                row[PREDICTOR] + 1, MatrixLayout.values()[row[LAYOUT]], MatrixBands.values()[row[BANDS]],
                row[BYTE_ORDER] == 1, row[BIG_TIFF] == 1, row[OVERVIEWS] == 1, false, false);
    }

    /** Files with blocks left out; each layout has at least one block inside the source's zero region. */
    private static List<MatrixVariant> sparseVariants() {
        return List.of(
                new MatrixVariant(MatrixDataType.UINT16, MatrixCompression.DEFLATE, 2, MatrixLayout.TILE64, MatrixBands.BAND1,
                        false, false, false, true, false),
                new MatrixVariant(MatrixDataType.FLOAT32, MatrixCompression.LZW, 3, MatrixLayout.TILE64, MatrixBands.PLANAR3,
                        true, true, true, true, false),
                new MatrixVariant(MatrixDataType.UINT8, MatrixCompression.JPEG_YCBCR, 1, MatrixLayout.TILE64, MatrixBands.CHUNKY3,
                        false, false, true, true, false),
                new MatrixVariant(MatrixDataType.INT16, MatrixCompression.NONE, 1, MatrixLayout.STRIP10, MatrixBands.BAND1,
                        true, false, false, true, false),
                new MatrixVariant(MatrixDataType.FLOAT64, MatrixCompression.PACKBITS, 1, MatrixLayout.STRIP10, MatrixBands.CHUNKY3,
                        false, true, false, true, false),
                new MatrixVariant(MatrixDataType.INT8, MatrixCompression.ZSTD, 2, MatrixLayout.TILE128X48, MatrixBands.PLANAR3,
                        true, false, true, true, false));
    }

    /** Files from GDAL's COG driver (square tiles of at least 128, little-endian, pixel-interleaved). */
    private static List<MatrixVariant> cogVariants() {
        return List.of(
                new MatrixVariant(MatrixDataType.UINT16, MatrixCompression.DEFLATE, 2, MatrixLayout.TILE128, MatrixBands.BAND1,
                        false, false, true, false, true),
                new MatrixVariant(MatrixDataType.UINT8, MatrixCompression.JPEG_YCBCR, 1, MatrixLayout.TILE128, MatrixBands.CHUNKY3,
                        false, false, true, false, true),
                new MatrixVariant(MatrixDataType.FLOAT32, MatrixCompression.ZSTD, 3, MatrixLayout.TILE128, MatrixBands.CHUNKY3,
                        false, true, true, false, true),
                new MatrixVariant(MatrixDataType.INT16, MatrixCompression.LZW, 1, MatrixLayout.TILE128, MatrixBands.BAND1,
                        false, false, false, false, true),
                new MatrixVariant(MatrixDataType.UINT8, MatrixCompression.DEFLATE, 1, MatrixLayout.TILE128, MatrixBands.CHUNKY3,
                        false, false, true, true, true));
    }
}
