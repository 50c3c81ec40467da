package dev.stacstream.cog.testing.matrix;

/** Band count and sample interleaving: one band, three bands chunky (pixel-interleaved) or planar. */
public enum MatrixBands {
    BAND1("band1", 1, "PIXEL", 1),
    CHUNKY3("chunky3", 3, "PIXEL", 1),
    PLANAR3("planar3", 3, "BAND", 2);

    private final String token;
    private final int count;
    private final String gdalInterleave;
    private final int planarConfiguration;

    MatrixBands(String token, int count, String gdalInterleave, int planarConfiguration) {
        this.token = token;
        this.count = count;
        this.gdalInterleave = gdalInterleave;
        this.planarConfiguration = planarConfiguration;
    }

    public String token() {
        return token;
    }

    public int count() {
        return count;
    }

    /** The value of GDAL's {@code INTERLEAVE} creation option. */
    public String gdalInterleave() {
        return gdalInterleave;
    }

    /** The TIFF PlanarConfiguration tag value (1 chunky, 2 planar). */
    public int planarConfiguration() {
        return planarConfiguration;
    }
}
