package dev.stacstream.cog.geo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.cog.tiff.IfdBuilder;
import dev.stacstream.cog.tiff.TiffTag;
import org.junit.jupiter.api.Test;

class GeoTiffReaderTest {

    private static long[] keys(int... entries) {
        long[] d = new long[4 + entries.length];
        d[0] = 1;
        d[1] = 1;
        d[2] = 0;
        d[3] = entries.length / 4;
        for (int i = 0; i < entries.length; i++) {
            d[4 + i] = entries[i];
        }
        return d;
    }

    @Test
    void tiepointAndScaleGiveGdalsGeotransformAndTheProjectedEpsg() {
        var ifd = IfdBuilder.ifd().doubles(TiffTag.MODEL_PIXEL_SCALE, 10, 10, 0)
                .doubles(TiffTag.MODEL_TIEPOINT, 0, 0, 0, 300000, 3100020, 0)
                .longs(TiffTag.GEO_KEY_DIRECTORY, keys(1024, 0, 1, 1, 1025, 0, 1, 1, 3072, 0, 1, 32629)).build();
        GeoReference geo = GeoTiffReader.read(ifd);
        assertThat(geo.geoTransform()).containsExactly(300000, 10, 0, 3100020, 0, -10);
        assertThat(geo.epsg()).isEqualTo(32629);
        assertThat(geo.pixelIsPoint()).isFalse();
    }

    @Test
    void pixelIsPointShiftsTheOriginByHalfAPixelAsGdalDoes() {
        var ifd = IfdBuilder.ifd().doubles(TiffTag.MODEL_PIXEL_SCALE, 30, 30, 0)
                .doubles(TiffTag.MODEL_TIEPOINT, 0, 0, 0, 1000, 2000, 0)
                .longs(TiffTag.GEO_KEY_DIRECTORY, keys(1025, 0, 1, 2, 2048, 0, 1, 4326)).build();
        GeoReference geo = GeoTiffReader.read(ifd);
        assertThat(geo.geoTransform()).containsExactly(985, 30, 0, 2015, 0, -30);
        assertThat(geo.epsg()).isEqualTo(4326);
    }

    @Test
    void modelTransformationIsUsedWhenPresent() {
        var ifd = IfdBuilder.ifd().doubles(TiffTag.MODEL_TRANSFORMATION,
                2, 0.5, 0, 100, 0.25, -2, 0, 200, 0, 0, 0, 0, 0, 0, 0, 1).build();
        assertThat(GeoTiffReader.read(ifd).geoTransform()).containsExactly(100, 2, 0.5, 200, 0.25, -2);
    }

    @Test
    void aUserDefinedProjectionHasNoEpsgEvenWithAGeographicBase() {
        var ifd = IfdBuilder.ifd().longs(TiffTag.GEO_KEY_DIRECTORY, keys(2048, 0, 1, 4326, 3072, 0, 1, 32767)).build();
        assertThat(GeoTiffReader.read(ifd).epsgCode()).isEmpty();
    }

    @Test
    void noGeoTagsMeansNoGeoreference() {
        assertThat(GeoTiffReader.read(IfdBuilder.ifd().build())).isSameAs(GeoReference.NONE);
    }

    @Test
    void overviewsScaleThePixelSize() {
        GeoReference full = new GeoReference(new double[] {0, 10, 0, 100, 0, -10}, 32629, false, 1);
        assertThat(full.scaledTo(1000, 1000, 250, 250).geoTransform()).containsExactly(0, 40, 0, 100, 0, -40);
    }
}
