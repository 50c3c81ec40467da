package dev.stacstream.cog.testing.matrix;

/** The compressions of the matrix, with GDAL's creation option and the TIFF Compression tag it writes. */
public enum MatrixCompression {
    NONE("none", "NONE", 1, false),
    DEFLATE("deflate", "DEFLATE", 8, true),
    LZW("lzw", "LZW", 5, true),
    PACKBITS("packbits", "PACKBITS", 32773, false),
    ZSTD("zstd", "ZSTD", 50000, true),
    /** JPEG of the samples as they are (grey, or RGB without colour transform). */
    JPEG("jpeg", "JPEG", 7, false),
    /** JPEG with {@code PHOTOMETRIC=YCBCR}: RGB stored as subsampled YCbCr, decoded back to RGB. */
    JPEG_YCBCR("jpegycbcr", "JPEG", 7, false);

    private final String token;
    private final String gdalName;
    private final int tiffCode;
    private final boolean takesPredictor;

    MatrixCompression(String token, String gdalName, int tiffCode, boolean takesPredictor) {
        this.token = token;
        this.gdalName = gdalName;
        this.tiffCode = tiffCode;
        this.takesPredictor = takesPredictor;
    }

    public String token() {
        return token;
    }

    /** The value of GDAL's {@code COMPRESS} creation option. */
    public String gdalName() {
        return gdalName;
    }

    /** The TIFF Compression tag value. */
    public int tiffCode() {
        return tiffCode;
    }

    /** Whether libtiff applies a predictor with this compression (GDAL ignores PREDICTOR otherwise). */
    public boolean takesPredictor() {
        return takesPredictor;
    }

    public boolean isJpeg() {
        return tiffCode == JPEG.tiffCode;
    }
}
