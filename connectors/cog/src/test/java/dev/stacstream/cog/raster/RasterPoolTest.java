package dev.stacstream.cog.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RasterPoolTest {

    private static final int FULL = 2048;
    private static final int EDGE = 740;

    @Test
    void theSameSlotAndShapeGiveTheSameRaster() {
        RasterPool pool = new RasterPool(2);

        Raster first = pool.raster(0, DataType.UINT16, 1, FULL, FULL);

        assertThat(pool.raster(0, DataType.UINT16, 1, FULL, FULL)).isSameAs(first);
        assertThat(List.of(first.dataType(), first.bands(), first.width(), first.height()))
                .containsExactly(DataType.UINT16, 1, FULL, FULL);
    }

    @Test
    void slotsAndShapesAreKeptApart() {
        RasterPool pool = new RasterPool(2);
        Raster band = pool.raster(0, DataType.UINT16, 1, FULL, FULL);

        assertThat(pool.raster(1, DataType.UINT16, 1, FULL, FULL)).isNotSameAs(band);
        assertThat(pool.raster(0, DataType.INT16, 1, FULL, FULL)).isNotSameAs(band);
        assertThat(pool.raster(0, DataType.UINT16, 2, FULL, FULL)).isNotSameAs(band);
        assertThat(pool.raster(0, DataType.UINT16, 1, EDGE, FULL)).isNotSameAs(band);
    }

    @Test
    void aSlotKeepsItsMostRecentlyUsedShapes() {
        RasterPool pool = new RasterPool(2);
        Raster full = pool.raster(0, DataType.UINT8, 1, FULL, FULL);
        Raster rightEdge = pool.raster(0, DataType.UINT8, 1, EDGE, FULL);
        assertThat(pool.raster(0, DataType.UINT8, 1, FULL, FULL)).isSameAs(full); // full is now the most recent

        Raster bottomEdge = pool.raster(0, DataType.UINT8, 1, FULL, EDGE); // evicts the right edge

        assertThat(pool.raster(0, DataType.UINT8, 1, FULL, FULL)).isSameAs(full);
        assertThat(pool.raster(0, DataType.UINT8, 1, FULL, EDGE)).isSameAs(bottomEdge);
        assertThat(pool.raster(0, DataType.UINT8, 1, EDGE, FULL)).isNotSameAs(rightEdge);
    }

    @Test
    void atLeastOneShapePerSlot() {
        assertThatThrownBy(() -> new RasterPool(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a raster pool keeps at least 1 shape per slot, got 0");
    }
}
