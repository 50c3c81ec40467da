package dev.stacstream.sinks.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stacstream.cog.CogFile;
import dev.stacstream.cog.testing.TestCorpus;
import dev.stacstream.sinks.kerchunk.item.AssetSource;
import dev.stacstream.sinks.kerchunk.item.BandValues;
import dev.stacstream.sinks.kerchunk.item.ItemInfo;
import dev.stacstream.sinks.kerchunk.testing.Layouts;
import dev.stacstream.sinks.kerchunk.tiff.LevelLayout;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The binary form of item references round-trips every field, for real COG headers and for edge values. */
class ItemReferencesFormatTest {

    private static final String SCENE = "rasters/sentinel2/S2A_29RKH_20200219_0_L2A/";

    @Test
    void realSentinel2HeadersRoundTrip() throws IOException {
        TestCorpus corpus = TestCorpus.require();
        List<AssetSource> assets = List.of(asset(corpus, "red", "B04.tif"), asset(corpus, "scl", "SCL.tif"));
        ItemReferences refs = new ItemReferences(new ItemInfo("S2A_29RKH_20200219_0_L2A",
                Instant.parse("2020-02-19T11:21:46.123456Z"), "sentinel-2-l2a"), "29RKH", assets);

        ItemReferences back = roundTrip(refs);

        assertThat(back).isEqualTo(refs);
        assertThat(back.assets().get(0).levels()).hasSizeGreaterThan(1);
    }

    @Test
    void absentCollectionNodataGeotransformAndJpegTablesRoundTrip() throws IOException {
        LevelLayout jpeg = new LevelLayout(2, 30, 20, 3, false, true, 16, 16, 8, true, 1, 7, 1, 6, 0, true,
                new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, (byte) 0xFF, (byte) 0xD9}, null,
                new long[] {8, 0, 400, 900}, new long[] {300, 0, 450, 10});
        AssetSource asset = new AssetSource("visual", "https://example.com/a b.tif", List.of(jpeg), null, 0,
                new BandValues(null, new double[] {1, 2, 3}, new double[] {0, -0.5, 0.25}));
        ItemReferences refs = new ItemReferences(new ItemInfo("x", Instant.parse("1999-12-31T23:59:59Z"), null),
                "EPSG:4326", List.of(asset, Layouts.stackItem(1, Instant.EPOCH).asset()));

        assertThat(roundTrip(refs)).isEqualTo(refs);
    }

    @Test
    void anUnknownLayoutVersionIsRefusedWithTheVersionInTheMessage() {
        assertThatThrownBy(() -> ItemReferencesFormat.read(ItemReferencesFormat.VERSION + 1,
                new DataInputStream(new ByteArrayInputStream(new byte[0]))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("version " + (ItemReferencesFormat.VERSION + 1));
    }

    static ItemReferences roundTrip(ItemReferences refs) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            ItemReferencesFormat.write(refs, out);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            ItemReferences back = ItemReferencesFormat.read(ItemReferencesFormat.VERSION, in);
            assertThat(in.read()).as("all bytes consumed").isEqualTo(-1);
            return back;
        }
    }

    private static AssetSource asset(TestCorpus corpus, String key, String file) {
        Path path = corpus.resolve(SCENE + file);
        try (CogFile cog = CogFile.open(path.toUri().toString())) {
            return AssetSource.of(key, path.toUri().toString(), cog);
        }
    }
}
