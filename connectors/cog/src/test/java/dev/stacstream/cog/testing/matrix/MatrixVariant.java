package dev.stacstream.cog.testing.matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * One TIFF of the matrix: which sample type, compression, predictor, block layout, bands, byte order,
 * BigTIFF, overviews, sparse blocks and COG layout it has, and the GDAL command that makes it.
 *
 * @param predictor TIFF predictor: 1 none, 2 horizontal differencing, 3 floating point
 * @param sparse the source has all-zero regions, written with nodata 0 and {@code SPARSE_OK=TRUE} so that
 *     whole blocks are left out of the file (offset and byte count 0)
 * @param cog written by GDAL's COG driver (ghost header, overviews before the image data) instead of GTiff
 */
public record MatrixVariant(
        MatrixDataType dataType,
        MatrixCompression compression,
        int predictor,
        MatrixLayout layout,
        MatrixBands bands,
        boolean bigEndian,
        boolean bigTiff,
        boolean overviews,
        boolean sparse,
        boolean cog) {

    /** Overview factors of {@code gdaladdo -r nearest} for GTiff variants with overviews. */
    public static final List<Integer> OVERVIEW_FACTORS = List.of(2, 4);

    private static final int NO_PREDICTOR = 1;
    private static final int HORIZONTAL_PREDICTOR = 2;
    private static final int FLOATING_POINT_PREDICTOR = 3;

    public MatrixVariant {
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(bands, "bands");
        if (predictor < NO_PREDICTOR || predictor > FLOATING_POINT_PREDICTOR) {
            throw new IllegalArgumentException("predictor must be 1, 2 or 3, got " + predictor);
        }
        if (cog && (bigEndian || !layout.tiled() || layout.blockWidth() != layout.blockHeight() || bands == MatrixBands.PLANAR3)) {
            throw new IllegalArgumentException("GDAL 3.6's COG driver writes little-endian, square-tiled, pixel-interleaved"
                    + " files only, not " + layout + " " + bands + (bigEndian ? " big-endian" : ""));
        }
    }

    /** Self-describing file name, e.g. {@code uint16_deflate_pred2_tile64_planar3_be_bigtiff_ovr.tif}. */
    public String fileName() {
        StringJoiner name = new StringJoiner("_", "", ".tif");
        name.add(dataType.token()).add(compression.token());
        if (predictor != NO_PREDICTOR) {
            name.add("pred" + predictor);
        }
        name.add(layout.token()).add(bands.token()).add(bigEndian ? "be" : "le");
        if (bigTiff) {
            name.add("bigtiff");
        }
        if (overviews) {
            name.add("ovr");
        }
        if (sparse) {
            name.add("sparse");
        }
        if (cog) {
            name.add("cog");
        }
        return name.toString();
    }

    /** The source raster this variant is translated from (see {@link MatrixSource}). */
    public String sourceName() {
        return MatrixSource.fileName(dataType, bands.count(), sparse);
    }

    /** The {@code gdal_translate} arguments, without source and destination. */
    public List<String> translateArguments() {
        List<String> args = new ArrayList<>(List.of("-of", cog ? "COG" : "GTiff"));
        if (sparse) {
            args.addAll(List.of("-a_nodata", "0"));
        }
        List<String> options = cog ? cogOptions() : gtiffOptions();
        for (String option : options) {
            args.add("-co");
            args.add(option);
        }
        return args;
    }

    /** The {@code gdaladdo -r nearest} factors to add afterwards (empty when none; the COG driver makes its own). */
    public List<Integer> overviewFactors() {
        return overviews && !cog ? OVERVIEW_FACTORS : List.of();
    }

    private List<String> gtiffOptions() {
        List<String> options = new ArrayList<>(dataType.creationOptions());
        options.add("COMPRESS=" + compression.gdalName());
        if (compression == MatrixCompression.JPEG_YCBCR) {
            options.add("PHOTOMETRIC=YCBCR");
        }
        if (predictor != NO_PREDICTOR) {
            options.add("PREDICTOR=" + predictor);
        }
        options.addAll(layout.creationOptions());
        options.add("INTERLEAVE=" + bands.gdalInterleave());
        options.add("ENDIANNESS=" + (bigEndian ? "BIG" : "LITTLE"));
        options.add("BIGTIFF=" + (bigTiff ? "YES" : "NO"));
        if (sparse) {
            options.add("SPARSE_OK=TRUE");
        }
        return options;
    }

    private List<String> cogOptions() {
        // The COG driver picks YCbCr itself for 3-band JPEG and names predictors instead of numbering them.
        List<String> options = new ArrayList<>(dataType.creationOptions());
        options.add("COMPRESS=" + compression.gdalName());
        if (predictor == HORIZONTAL_PREDICTOR) {
            options.add("PREDICTOR=STANDARD");
        } else if (predictor == FLOATING_POINT_PREDICTOR) {
            options.add("PREDICTOR=FLOATING_POINT");
        }
        options.add("BLOCKSIZE=" + layout.blockWidth());
        options.add("BIGTIFF=" + (bigTiff ? "YES" : "NO"));
        options.add(overviews ? "OVERVIEWS=AUTO" : "OVERVIEWS=NONE");
        options.add("OVERVIEW_RESAMPLING=NEAREST");
        if (sparse) {
            options.add("SPARSE_OK=TRUE");
        }
        return options;
    }
}
