package dev.stacstream.stac.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.stac.testing.CorpusItems;
import dev.stacstream.stac.testing.TestCorpus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real item of the corpus (Earth Search v0 and v1, Planetary Computer, USGS LandsatLook, and the items
 * inside the recorded API sessions) reads as a {@link StacItem}, keeps every member through JSON and Java
 * serialization, and gives the typed values its producer wrote.
 */
class StacItemCorpusTest {

    private static final String ES_V0 = "items/earth-search-v0/S2A_28QCH_20200714_0_L2A.json";
    private static final String ES_V1_S2 = "items/earth-search-v1/S2A_13TDE_20231008_0_L2A.json";
    private static final String ES_V1_LANDSAT = "items/earth-search-v1/LC08_L2SP_033032_20231008_02_T1.json";
    private static final String PC_S2 =
            "items/planetary-computer/S2B_MSIL2A_20190629T212529_R043_T06VVN_20201006T080531_raster_ext.json";
    private static final String USGS = "items/usgs-landsatlook/LC08_L2SP_028030_20200114_20200824_02_T1_SR.json";

    static Stream<CorpusItems.Labeled> corpusItems() {
        return CorpusItems.all(TestCorpus.require()).stream();
    }

    private static StacItem item(String file) {
        return StacItem.fromJson(TestCorpus.require().read(file), file);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusItems")
    void everyCorpusItemReadsAndKeepsEveryMember(CorpusItems.Labeled labeled) throws Exception {
        StacItem item = StacItem.fromNode(labeled.json(), labeled.label());

        assertThat(item.id()).isEqualTo(labeled.json().get("id").asText());
        assertThat(item.datetime()).isEqualTo(Rfc3339.parse(labeled.json().get("properties").get("datetime").asText()));
        assertThat(item.assets()).isNotEmpty().hasSize(labeled.json().get("assets").size());
        // Lossless: the tree is the document, unknown members and extensions included.
        assertThat(item.toNode()).isEqualTo(labeled.json());
        assertThat(StacItem.fromJson(item.toJson())).isEqualTo(item);
        assertThat(javaRoundTrip(item)).isEqualTo(item);
        for (Asset asset : item.assets().values()) {
            assertThat(asset.resolvedHref()).isEqualTo(asset.href()); // corpus hrefs are all absolute
        }
    }

    /** Identity and time as each producer writes them. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
        ES_V0 + ", S2A_28QCH_20200714_0_L2A, sentinel-s2-l2a-cogs, 2020-07-14T11:55:52Z, -, 1.0.0-beta.1",
        ES_V1_S2 + ", S2A_13TDE_20231008_0_L2A, sentinel-2-l2a, 2023-10-08T18:02:55.276Z, 2023-10-09T01:25:21.658Z, 1.0.0",
        ES_V1_LANDSAT + ", LC08_L2SP_033032_20231008_02_T1, landsat-c2-l2, 2023-10-08T17:37:26.656958Z, "
                + "2023-11-30T14:47:41.847Z, 1.0.0",
        PC_S2 + ", S2B_MSIL2A_20190629T212529_R043_T06VVN_20201006T080531, sentinel-2-l2a, 2019-06-29T21:25:29.024Z, -, 1.0.0",
        USGS + ", LC08_L2SP_028030_20200114_20200824_02_T1_SR, landsat-c2l2-sr, 2020-01-14T17:05:46.732651Z, "
                + "2021-07-23T22:39:42.962Z, 1.0.0",
    })
    void readsIdentityAndTime(String file, String id, String collection, String datetime, String updated,
            String stacVersion) {
        StacItem item = item(file);

        assertThat(item.id()).isEqualTo(id);
        assertThat(item.collection()).isEqualTo(collection);
        assertThat(item.datetime()).isEqualTo(Instant.parse(datetime));
        assertThat(item.updated()).isEqualTo(Optional.ofNullable(updated).map(Instant::parse));
        assertThat(item.stacVersion()).contains(stacVersion);
        assertThat(item.hasGeometry()).isTrue();
        assertThat(item.bbox()).hasSize(4);
    }

    /** {@code assetForBand} across the naming conventions: keys, eo:bands names/common names, Sentinel-2 ids. */
    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource({
        // Earth Search v0: band-id keys, no eo:bands anywhere -> Sentinel-2 key convention
        ES_V0 + ", red, B04, /B04.tif",
        ES_V0 + ", B04, B04, /B04.tif",
        ES_V0 + ", scl, SCL, /SCL.tif",
        ES_V0 + ", nir08, B8A, /B8A.tif",
        // Earth Search v1: common-name keys with single-band eo:bands and JPEG2000 twins
        ES_V1_S2 + ", red, red, /B04.tif",
        ES_V1_S2 + ", B04, red, /B04.tif",
        ES_V1_S2 + ", SCL, scl, /SCL.tif",
        ES_V1_S2 + ", rededge, rededge1, /B05.tif",
        ES_V1_S2 + ", B8A, nir08, /B8A.tif",
        // Planetary Computer: band-id keys with eo:bands common names
        PC_S2 + ", red, B04, _B04_10m.tif",
        PC_S2 + ", nir, B08, _B08_10m.tif",
        PC_S2 + ", swir16, B11, _B11_20m.tif",
        PC_S2 + ", scl, SCL, _SCL_20m.tif",
        // USGS: common-name keys, eo:bands names B1..B7
        USGS + ", red, red, _SR_B4.TIF",
        USGS + ", B4, red, _SR_B4.TIF",
        ES_V1_LANDSAT + ", OLI_B4, red, _SR_B4.TIF",
        ES_V1_LANDSAT + ", nir08, nir08, _SR_B5.TIF",
    })
    void findsTheAssetOfABandByAnyConvention(String file, String band, String expectedKey, String hrefSuffix) {
        Asset asset = item(file).assetForBand(band).orElseThrow();

        assertThat(asset.key()).isEqualTo(expectedKey);
        assertThat(asset.href()).endsWith(hrefSuffix);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({ES_V0 + ", coastal-ish", USGS + ", B04", ES_V1_LANDSAT + ", visual"})
    void findsNoAssetForABandTheItemDoesNotHave(String file, String band) {
        assertThat(item(file).assetForBand(band)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ES_V1_S2, PC_S2})
    void neverTakesAMultiBandAssetForOneBand(String file) {
        StacItem item = item(file);
        assertThat(item.asset("visual").orElseThrow().eoBands()).hasSize(3);
        assertThat(item.assetForBand("green").orElseThrow().eoBands()).hasSize(1);
    }

    /** {@code raster:bands}: nodata, data type, scale and offset per asset (absent values stay absent). */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(nullValues = "-", value = {
        ES_V1_S2 + ", red, 0, UINT16, 0.0001, -0.1, 15",
        ES_V1_S2 + ", scl, 0, UINT8, -, -, -",
        ES_V1_S2 + ", wvp, 0, UINT16, 0.001, 0, 15",
        ES_V1_LANDSAT + ", red, 0, UINT16, 2.75e-05, -0.2, -",
        ES_V1_LANDSAT + ", lwir11, 0, UINT16, 0.00341802, 149, -",
        ES_V1_LANDSAT + ", atran, -9999, INT16, 0.0001, -, -",
        ES_V1_LANDSAT + ", qa_radsat, -, UINT16, -, -, -",
        PC_S2 + ", B04, 0, UINT16, -, -, -",
        PC_S2 + ", SCL, 0, UINT8, -, -, -",
    })
    void readsRasterBands(String file, String assetKey, Double nodata, RasterDataType dataType, Double scale,
            Double offset, Integer bitsPerSample) {
        RasterBand band = item(file).asset(assetKey).orElseThrow().rasterBands().get(0);

        assertThat(band.nodata().isPresent() ? band.nodata().getAsDouble() : null).isEqualTo(nodata);
        assertThat(band.dataType()).contains(dataType);
        assertThat(band.scale().isPresent() ? band.scale().getAsDouble() : null).isEqualTo(scale);
        assertThat(band.offset().isPresent() ? band.offset().getAsDouble() : null).isEqualTo(offset);
        assertThat(band.bitsPerSample().isPresent() ? band.bitsPerSample().getAsInt() : null).isEqualTo(bitsPerSample);
        assertThat(band.scaleOrDefault()).isEqualTo(scale == null ? 1.0 : scale);
        assertThat(band.offsetOrDefault()).isEqualTo(offset == null ? 0.0 : offset);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ES_V0, USGS})
    void assetsWithoutTheRasterExtensionHaveNoRasterBands(String file) {
        assertThat(item(file).assetForBand("red").orElseThrow().rasterBands()).isEmpty();
    }

    /** {@code proj:*} per item and per asset; asset values win, item values fill the gaps. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(nullValues = "-", value = {
        // file, asset, item EPSG, asset EPSG, asset shape, asset transform (first 6), asset proj:bbox
        ES_V0 + ", B04, 32628, 32628, 10980;10980, 10;0;300000;0;-10;2300040, -",
        ES_V0 + ", SCL, 32628, 32628, 5490;5490, 20;0;300000;0;-20;2300040, -",
        ES_V1_S2 + ", red, 32613, 32613, 10980;10980, 10;0;399960;0;-10;4500000, -",
        ES_V1_S2 + ", scl, 32613, 32613, 5490;5490, 20;0;399960;0;-20;4500000, -",
        // Landsat items put shape and transform on the item only: the asset inherits them
        ES_V1_LANDSAT + ", red, 32613, 32613, 7831;7711, 30;0;449085;0;-30;4581915, -",
        USGS + ", red, 32615, 32615, 8041;7931, 30;0;173085;0;-30;4904715, -",
        PC_S2 + ", B04, 32606, 32606, 10980;10980, 10;0;399960;0;-10;6800040, 399960;6690240;509760;6800040",
    })
    void readsProjectionPerItemAndAsset(String file, String assetKey, int itemEpsg, int assetEpsg, String shape,
            String transform, String bbox) {
        StacItem item = item(file);
        Projection projection = item.asset(assetKey).orElseThrow().projection();

        assertThat(item.projection().epsg()).hasValue(itemEpsg);
        assertThat(item.projection().code()).contains("EPSG:" + itemEpsg);
        assertThat(projection.epsg()).hasValue(assetEpsg);
        assertThat(projection.shape()).isEqualTo(ints(shape));
        assertThat(projection.transform().subList(0, 6)).isEqualTo(doubles(transform));
        assertThat(projection.bbox()).isEqualTo(bbox == null ? List.of() : doubles(bbox));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(nullValues = "-", value = {
        // USGS serves https with requester-pays s3 alternates
        USGS + ", red, https://landsatlook.usgs.gov/data/, s3://usgs-landsat/collection02/",
        // Earth Search v1 Landsat serves s3 only
        ES_V1_LANDSAT + ", red, -, s3://usgs-landsat/collection02/",
        // Earth Search v1 Sentinel-2 serves https only
        ES_V1_S2 + ", red, https://sentinel-cogs.s3.us-west-2.amazonaws.com/, -",
    })
    void choosesHrefsByScheme(String file, String assetKey, String httpsPrefix, String s3Prefix) {
        Asset asset = item(file).asset(assetKey).orElseThrow();

        assertThat(asset.hrefWithScheme("https").map(h -> h.substring(0, httpsPrefix == null ? 0 : httpsPrefix.length())))
                .isEqualTo(Optional.ofNullable(httpsPrefix));
        assertThat(asset.hrefWithScheme("s3").map(h -> h.substring(0, s3Prefix == null ? 0 : s3Prefix.length())))
                .isEqualTo(Optional.ofNullable(s3Prefix));
        assertThat(asset.hrefWithScheme("S3")).isEqualTo(asset.hrefWithScheme("s3"));
    }

    @Test
    void usgsAlternatesAreNamedAndKeepTheirOwnFields() {
        Asset red = item(USGS).asset("red").orElseThrow();

        assertThat(red.alternateHrefs()).containsOnlyKeys("s3");
        assertThat(red.alternateHrefs().get("s3")).endsWith("LC08_L2SP_028030_20200114_20200824_02_T1_SR_B4.TIF");
        assertThat(red.field("alternate").orElseThrow().get("s3").get("storage:requester_pays").asBoolean()).isTrue();
        assertThat(red.field("file:checksum").orElseThrow().asText()).startsWith("1340d08a3f");
        assertThat(red.isGeoTiff()).isTrue();
        assertThat(item(USGS).asset("index").orElseThrow().isGeoTiff()).isFalse();
    }

    @Test
    void planetaryComputerItemCollectionHoldsNineUsableItems() {
        String file = "items/planetary-computer/site1-20200606-tall-strip-africa.geojson";
        ItemCollection collection = ItemCollection.fromJson(TestCorpus.require().read(file), file);

        List<StacItem> items = collection.items();
        assertThat(items).hasSize(9);
        assertThat(items).allSatisfy(item -> {
            assertThat(item.collection()).isEqualTo("sentinel-2-l2a");
            assertThat(item.datetime()).isEqualTo(Instant.parse("2020-06-06T08:06:09.024Z"));
            assertThat(item.projection().epsg()).hasValue(32735);
            assertThat(item.assetForBand("red").orElseThrow().key()).isEqualTo("B04");
            assertThat(item.selfHref()).hasValueSatisfying(h -> h.endsWith(item.id()));
        });
        assertThat(items.get(0).id()).isEqualTo("S2B_MSIL2A_20200606T080609_R078_T35MNM_20200826T094900");
        assertThat(collection.nextLink()).isEmpty();
        assertThat(collection.numberMatched()).isEmpty();
    }

    private static List<Integer> ints(String semicolons) {
        return Stream.of(semicolons.split(";")).map(Integer::valueOf).toList();
    }

    private static List<Double> doubles(String semicolons) {
        return Stream.of(semicolons.split(";")).map(Double::valueOf).toList();
    }

    private static StacItem javaRoundTrip(StacItem item) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(item);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (StacItem) in.readObject();
        }
    }
}
