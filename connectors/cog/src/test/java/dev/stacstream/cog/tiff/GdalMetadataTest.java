package dev.stacstream.cog.tiff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GdalMetadataTest {

    @ParameterizedTest(name = "GDAL_NODATA \"{0}\" -> {1}")
    @CsvSource({"0, 0.0", "-9999, -9999.0", "nan, NaN", "-inf, -Infinity", "inf, Infinity", "1e+20, 1.0E20",
        "' 255 ', 255.0"})
    void parsesNodataAsGdalDoes(String text, double expected) {
        GdalMetadata m = GdalMetadata.from(IfdBuilder.ifd().ascii(TiffTag.GDAL_NODATA, text).build());
        assertThat(m.nodata()).hasValue(expected);
    }

    @Test
    void readsPerBandScaleAndOffsetAndDatasetItems() {
        String xml = "<GDALMetadata>\n  <Item name=\"AREA_OR_POINT\">Area</Item>\n"
                + "  <Item name=\"OFFSET\" sample=\"0\" role=\"offset\">-0.1</Item>\n"
                + "  <Item name=\"SCALE\" sample=\"0\" role=\"scale\">0.0001</Item>\n"
                + "  <Item name=\"SCALE\" sample=\"1\" role=\"scale\">2</Item>\n"
                + "  <Item name=\"DESCRIPTION\">a &amp; b</Item>\n</GDALMetadata>";
        GdalMetadata m = GdalMetadata.from(IfdBuilder.ifd().ascii(TiffTag.GDAL_METADATA, xml).build());
        assertThat(m.scale(0)).hasValue(0.0001);
        assertThat(m.offset(0)).hasValue(-0.1);
        assertThat(m.scale(1)).hasValue(2);
        assertThat(m.offset(1)).isEmpty();
        assertThat(m.datasetItems()).containsEntry("AREA_OR_POINT", "Area").containsEntry("DESCRIPTION", "a & b");
        assertThat(m.nodata()).isEmpty();
    }
}
