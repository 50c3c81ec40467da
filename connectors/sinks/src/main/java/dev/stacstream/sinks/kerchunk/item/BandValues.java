package dev.stacstream.sinks.kerchunk.item;

import dev.stacstream.cog.tiff.GdalMetadata;
import dev.stacstream.stac.model.RasterBand;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How to read an asset's stored values: nodata and, per band, {@code physical = stored * scale + offset}. The STAC
 * item's {@code raster:bands} win over the TIFF's own GDAL_NODATA and GDAL_METADATA (FORMATS.md "Nodata").
 *
 * @param nodata the nodata value, or {@code null} when neither source states one
 * @param scales one scale per band
 * @param offsets one offset per band
 */
public record BandValues(Double nodata, double[] scales, double[] offsets) implements Serializable {

    private static final long serialVersionUID = 1L;

    public BandValues {
        Objects.requireNonNull(scales, "scales");
        Objects.requireNonNull(offsets, "offsets");
        if (scales.length != offsets.length) {
            throw new IllegalArgumentException(scales.length + " scales but " + offsets.length + " offsets");
        }
        scales = scales.clone();
        offsets = offsets.clone();
    }

    /** The TIFF's own values: GDAL_NODATA and the per-band scale/offset items of GDAL_METADATA. */
    public static BandValues fromTiff(GdalMetadata gdal, int bands) {
        double[] scales = new double[bands];
        double[] offsets = new double[bands];
        for (int b = 0; b < bands; b++) {
            scales[b] = gdal.scale(b).orElse(RasterBand.DEFAULT_SCALE);
            offsets[b] = gdal.offset(b).orElse(RasterBand.DEFAULT_OFFSET);
        }
        Double nodata = gdal.nodata().isPresent() ? gdal.nodata().getAsDouble() : null;
        return new BandValues(nodata, scales, offsets);
    }

    /**
     * These values overridden by an item's {@code raster:bands} where they state them: nodata from the first band
     * that has one, scale and offset band by band (a list shorter than the bands leaves the rest as they were).
     */
    public BandValues withStacBands(List<RasterBand> bands) {
        Double n = nodata;
        for (RasterBand band : bands) {
            if (band.nodata().isPresent()) {
                n = band.nodata().getAsDouble();
                break;
            }
        }
        double[] s = scales.clone();
        double[] o = offsets.clone();
        for (int b = 0; b < Math.min(bands.size(), s.length); b++) {
            RasterBand band = bands.get(b);
            if (band.scale().isPresent()) {
                s[b] = band.scale().getAsDouble();
            }
            if (band.offset().isPresent()) {
                o[b] = band.offset().getAsDouble();
            }
        }
        return new BandValues(n, s, o);
    }

    /** Whether any band's scale or offset is not the identity (1, 0). */
    public boolean scaled() {
        for (int b = 0; b < scales.length; b++) {
            if (scales[b] != RasterBand.DEFAULT_SCALE || offsets[b] != RasterBand.DEFAULT_OFFSET) {
                return true;
            }
        }
        return false;
    }

    /** Whether every band has the same scale and the same offset. */
    public boolean uniform() {
        for (int b = 1; b < scales.length; b++) {
            if (scales[b] != scales[0] || offsets[b] != offsets[0]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BandValues v && Objects.equals(nodata, v.nodata) && Arrays.equals(scales, v.scales)
                && Arrays.equals(offsets, v.offsets);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nodata, Arrays.hashCode(scales), Arrays.hashCode(offsets));
    }

    @Override
    public String toString() {
        return "BandValues[nodata=" + nodata + ", scales=" + Arrays.toString(scales) + ", offsets="
                + Arrays.toString(offsets) + "]";
    }
}
