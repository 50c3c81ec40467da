package dev.stacstream.sinks.kerchunk.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stacstream.sinks.kerchunk.ChunkRef;
import dev.stacstream.sinks.kerchunk.ReferenceSet;
import dev.stacstream.sinks.kerchunk.testing.Layouts;
import dev.stacstream.sinks.kerchunk.tiff.LevelLayout;
import dev.stacstream.storage.ByteRange;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The item layout of spec §3 from synthetic levels: group and level attributes, inlining through a fake
 * {@link ChunkBytes}, and assets or levels that are left out with their reason.
 */
class ItemManifestBuilderTest {

    private static final ItemInfo ITEM = new ItemInfo("S2A_X", Instant.parse("2023-06-12T10:00:00Z"), "s2");
    private static final long[] OFFSETS = {1000, 2000, 3000, 0};
    private static final long[] COUNTS = {10, 500, 20, 0};

    /** Serves block bytes by range; records what it was asked, so tests see that only small chunks are read. */
    private static final class FakeChunkBytes implements ChunkBytes {
        final List<ByteRange> asked = new ArrayList<>();

        @Override
        public List<byte[]> read(String url, List<ByteRange> ranges) {
            asked.addAll(ranges);
            return ranges.stream().map(r -> r.offset() == 1000 ? "plain text".getBytes(StandardCharsets.US_ASCII)
                    : new byte[] {(byte) 0xFF, 0, 1}).toList();
        }
    }

    private static AssetSource asset(String name, LevelLayout... levels) {
        return new AssetSource(name, "s3://b/" + name + ".tif", List.of(levels), new double[] {500000, 10, 0, 6e6, 0, -10},
                32633, new BandValues(0.0, new double[] {1e-4}, new double[] {-0.1}));
    }

    @Test
    void groupsCarryTheItemAndLevelsTheirGeotransformAndCfScaling() {
        LevelLayout full = Layouts.tiled(20, 20, 10, Layouts.DEFLATE, 1, OFFSETS, COUNTS);
        LevelLayout overview = Layouts.tiled(10, 10, 10, Layouts.DEFLATE, 1, new long[] {900}, new long[] {30});

        ItemManifest m = ItemManifestBuilder.forItem(ITEM).add(asset("red", full, overview)).build();

        ReferenceSet refs = m.references();
        assertThat(m.groups()).containsExactly("red");
        assertThat(refs.metadata().get(".zattrs").toString()).isEqualTo("{\"stacstream\":{\"manifest\":\"item\","
                + "\"version\":1},\"item_id\":\"S2A_X\",\"collection\":\"s2\",\"datetime\":\"2023-06-12T10:00:00Z\"}");
        assertThat(refs.metadata().get("red/.zattrs").get("crs").asText()).isEqualTo("EPSG:32633");
        assertThat(refs.metadata().get("red/1/.zattrs").toString()).isEqualTo("{\"_ARRAY_DIMENSIONS\":[\"y1\",\"x1\"],"
                + "\"geotransform\":[500000.0,20.0,0.0,6000000.0,0.0,-20.0],\"scale_factor\":1.0E-4,\"add_offset\":-0.1}");
        assertThat(refs.chunks("red/0")).containsOnlyKeys(0L, 1L, 2L);
        assertThat(refs.chunks("red/1")).containsExactlyEntriesOf(java.util.Map.of(0L,
                new ChunkRef.Range("s3://b/red.tif", 900, 30)));
    }

    @Test
    void chunksBelowTheThresholdAreInlinedAndOnlyTheyAreRead() {
        FakeChunkBytes bytes = new FakeChunkBytes();
        LevelLayout full = Layouts.tiled(20, 20, 10, Layouts.DEFLATE, 1, OFFSETS, COUNTS);

        ItemManifest m = ItemManifestBuilder.forItem(ITEM).inline(new ChunkInliner(100, bytes)).add(asset("red", full))
                .build();

        assertThat(bytes.asked).containsExactly(new ByteRange(1000, 10), new ByteRange(3000, 20));
        assertThat(m.references().chunks("red/0").get(0L)).isInstanceOfSatisfying(ChunkRef.Inline.class,
                i -> assertThat(i.jsonText()).isEqualTo("plain text"));
        assertThat(m.references().chunks("red/0").get(2L)).isInstanceOfSatisfying(ChunkRef.Inline.class,
                i -> assertThat(i.jsonText()).isEqualTo("base64:/wAB"));
        assertThat(m.references().chunks("red/0").get(1L)).isEqualTo(new ChunkRef.Range("s3://b/red.tif", 2000, 500));
    }

    @Test
    void unrepresentableAssetsAndOverviewsAreReportedWithTheirReason() {
        LevelLayout full = Layouts.tiled(20, 20, 10, Layouts.DEFLATE, 1, OFFSETS, COUNTS);
        LevelLayout ccitt = Layouts.tiled(10, 10, 10, 4, 1, new long[] {900}, new long[] {30});

        ItemManifest m = ItemManifestBuilder.forItem(ITEM)
                .add(asset("red", full, ccitt))
                .add(asset("fax", ccitt))
                .add(asset("bad/name", full))
                .add(asset("red", full))
                .build();

        assertThat(m.groups()).containsExactly("red");
        assertThat(m.references().arrays()).containsOnlyKeys("red/0");
        assertThat(m.references().metadata().get("red/.zattrs").get("multiscales").get(0).get("datasets")).hasSize(1);
        assertThat(m.problems()).extracting(AssetProblem::message).containsExactly(
                "asset red level 1 and below (s3://b/red.tif) left out of the references: compression 4 (CCITT Group 4)"
                        + " is not supported by the fsspec ReferenceFileSystem",
                "asset fax (s3://b/fax.tif) left out of the references: compression 4 (CCITT Group 4) is not supported"
                        + " by the fsspec ReferenceFileSystem",
                "asset bad/name (s3://b/bad/name.tif) left out of the references: name 'bad/name' contains a path"
                        + " separator",
                "asset red (s3://b/red.tif) left out of the references: a second asset named 'red'");
    }

    @Test
    void manifestPathsAreDeterministic() {
        assertThat(ITEM.jsonPath()).isEqualTo("s2/items/S2A_X.json");
        assertThat(new ItemInfo("x", Instant.EPOCH, null).parquetRoot()).isEqualTo("_/items/x.parq");
        assertThatThrownBy(() -> new ItemInfo("../x", Instant.EPOCH, "c").jsonPath())
                .hasMessageContaining("path separator");
    }

    @Test
    void fileGroupsAreNamedAfterTheFiles() {
        assertThat(FileGroupNames.assign(List.of("/data/B04.tif", "s3://b/x/B04.TIF", "https://h/SCL.tif?sig=1",
                "/data/.hidden.tif", "/data/noext"))).containsExactly("B04", "B04_2", "SCL", "hidden", "noext");
    }
}
