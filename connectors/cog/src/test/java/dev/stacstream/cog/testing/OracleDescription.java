package dev.stacstream.cog.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * GDAL's view of a TIFF: its compression (as GDAL names it: {@code DEFLATE}, {@code YCbCr JPEG}, ...),
 * the nodata value of band 1 ({@code null} when none; {@code nan} for NaN), and its levels (0 = full
 * resolution, k = overview k-1; mask IFDs are not levels).
 */
public record OracleDescription(String compression, String nodata, List<Level> levels) {

    /**
     * One level as GDAL reports it. GDAL's block size is its own notion (uncompressed strips may be split
     * into smaller virtual blocks), so it is a hint for picking windows, not a statement about the file.
     *
     * @param dtype numpy dtype name; 16-bit float files report {@code float32} with {@code nbits = 16}
     */
    public record Level(int width, int height, int bands, String dtype, int nbits, int blockWidth, int blockHeight) {}

    public OracleDescription {
        levels = List.copyOf(levels);
    }

    /** The tolerance comparisons with this file use (JPEG is compared within a few levels). */
    public int tolerance() {
        return PixelComparison.toleranceFor(compression);
    }

    static OracleDescription parse(Properties props) {
        int count = Integer.parseInt(props.getProperty("levels"));
        List<Level> levels = new ArrayList<>(count);
        for (int level = 0; level < count; level++) {
            String prefix = "level." + level + ".";
            levels.add(new Level(
                    Integer.parseInt(props.getProperty(prefix + "width")),
                    Integer.parseInt(props.getProperty(prefix + "height")),
                    Integer.parseInt(props.getProperty(prefix + "bands")),
                    props.getProperty(prefix + "dtype"),
                    Integer.parseInt(props.getProperty(prefix + "nbits")),
                    Integer.parseInt(props.getProperty(prefix + "blockWidth")),
                    Integer.parseInt(props.getProperty(prefix + "blockHeight"))));
        }
        return new OracleDescription(props.getProperty("compression"), props.getProperty("nodata"), levels);
    }
}
