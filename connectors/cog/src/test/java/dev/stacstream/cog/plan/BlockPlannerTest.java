package dev.stacstream.cog.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stacstream.cog.tiff.IfdBuilder;
import dev.stacstream.cog.tiff.ImageLayout;
import dev.stacstream.cog.tiff.TiffTag;
import dev.stacstream.storage.ByteRange;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BlockPlannerTest {

    private static ImageLayout tiled(int width, int height, int tile, int bands, boolean planar) {
        return ImageLayout.of(IfdBuilder.ifd().tiledImage(width, height, tile, bands, planar).build(),
                ByteOrder.LITTLE_ENDIAN, "mem://test.tif");
    }

    @ParameterizedTest(name = "window {0},{1} {2}x{3} -> blocks {4}")
    @CsvSource({
        // col, row, w, h, expected block indices (1000x700 image, 256 tiles: 4 across, 3 down)
        "0, 0, 1000, 700, 0;1;2;3;4;5;6;7;8;9;10;11",
        "0, 0, 256, 256, 0",
        "255, 255, 2, 2, 0;1;4;5",
        "256, 256, 1, 1, 5",
        "999, 699, 1, 1, 11",
        "700, 10, 300, 10, 2;3",
    })
    void plansTheBlocksAWindowIntersects(int col, int row, int w, int h, String expected) {
        ImageLayout layout = tiled(1000, 700, 256, 1, false);
        List<BlockRef> refs = BlockPlanner.plan(layout, new PixelWindow(col, row, w, h));
        assertThat(refs).extracting(BlockRef::index)
                .containsExactlyElementsOf(java.util.Arrays.stream(expected.split(";")).map(Integer::valueOf).toList());
    }

    @Test
    void planarImagesListEveryPlaneInStorageOrder() {
        ImageLayout layout = tiled(300, 300, 256, 3, true);
        List<BlockRef> refs = BlockPlanner.plan(layout, new PixelWindow(250, 0, 10, 10));
        assertThat(refs).extracting(BlockRef::index).containsExactly(0, 1, 4, 5, 8, 9);
        assertThat(refs).extracting(BlockRef::plane).containsExactly(0, 0, 1, 1, 2, 2);
        assertThat(refs.get(1).range()).isEqualTo(new ByteRange(1100, 100));
    }

    @Test
    void sparseBlocksHaveNoRange() {
        var ifd = IfdBuilder.ifd().tiledImage(512, 256, 256, 1, false)
                .longs(TiffTag.TILE_OFFSETS, 1000, 0).longs(TiffTag.TILE_BYTE_COUNTS, 50, 0).build();
        ImageLayout layout = ImageLayout.of(ifd, ByteOrder.LITTLE_ENDIAN, "mem://sparse.tif");
        List<BlockRef> refs = BlockPlanner.all(layout);
        assertThat(refs.get(0).isSparse()).isFalse();
        assertThat(refs.get(1).isSparse()).isTrue();
        assertThat(refs.get(1).toString()).contains("sparse");
    }

    @Test
    void stripsAreFullWidthAndTheLastStripIsShort() {
        var ifd = IfdBuilder.ifd().longs(TiffTag.IMAGE_WIDTH, 100).longs(TiffTag.IMAGE_LENGTH, 25)
                .longs(TiffTag.ROWS_PER_STRIP, 10).longs(TiffTag.BITS_PER_SAMPLE, 8)
                .longs(TiffTag.STRIP_OFFSETS, 10, 1010, 2010).longs(TiffTag.STRIP_BYTE_COUNTS, 1000, 1000, 500).build();
        ImageLayout layout = ImageLayout.of(ifd, ByteOrder.LITTLE_ENDIAN, "mem://strips.tif");
        List<BlockRef> refs = BlockPlanner.plan(layout, new PixelWindow(50, 15, 10, 10));
        assertThat(refs).extracting(BlockRef::index).containsExactly(1, 2);
        assertThat(layout.rowsInBlock(2)).isEqualTo(5);
        assertThat(BlockPlanner.blockWindow(layout, refs.get(1))).isEqualTo(new PixelWindow(0, 20, 100, 5));
    }

    @Test
    void aWindowOutsideTheImageIsRejected() {
        ImageLayout layout = tiled(100, 100, 64, 1, false);
        assertThatThrownBy(() -> BlockPlanner.plan(layout, new PixelWindow(90, 0, 20, 10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds the 100x100 image");
    }
}
