package dev.stacstream.cog.testing;

/**
 * What GDAL decoded for one level and window.
 *
 * @param pixels the samples, band-sequential little-endian
 * @param nbits bits per sample GDAL declares (16 for half-float files, whose samples GDAL returns as float32)
 * @param nodata band 1's nodata value as GDAL prints it, {@code nan} for NaN, or {@code null} when there is none
 */
public record OracleRaster(Pixels pixels, int nbits, String nodata) {}
