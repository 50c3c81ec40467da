package dev.stacstream.job.polygons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stacstream.job.mask.LevelGrid;
import org.junit.jupiter.api.Test;

class PixelLatticeTest {

    @Test
    void theSameGroundPixelHasTheSameIdOnTwoOverlappingTiles() {
        // 33UVU's and 33UWU's crops of the test catalog: origins 120 pixels apart on one 10 m lattice.
        PixelLattice uvu = PixelLattice.of(new LevelGrid(1098, 1098, new double[] {498780, 10, 0, 5900040, 0, -10}, 32633));
        PixelLattice uwu = PixelLattice.of(new LevelGrid(1098, 1098, new double[] {499980, 10, 0, 5900040, 0, -10}, 32633));
        assertThat(uvu.id(125, 40)).isEqualTo(uwu.id(5, 40));
        assertThat(uvu.id(125, 40)).isNotEqualTo(uwu.id(5, 41)).isNotEqualTo(uwu.id(6, 40));
        assertThat(uvu.centreX(125, 40)).isEqualTo(uwu.centreX(5, 40)).isEqualTo(500035);
        assertThat(uvu.centreY(125, 40)).isEqualTo(5899635);
    }

    @Test
    void anIdPacksTheEpsgCodeAndTheLatticeRowAndColumn() {
        PixelLattice lattice = PixelLattice.of(new LevelGrid(10, 10, new double[] {498780, 10, 0, 5900040, 0, -10}, 32633));
        long id = lattice.id(3, 4);
        assertThat(id >>> 44).isEqualTo(32633);
        assertThat(((id >>> 22) & ((1 << 22) - 1)) - (1 << 21)).isEqualTo(-590004 + 4);
        assertThat((id & ((1 << 22) - 1)) - (1 << 21)).isEqualTo(49878 + 3);
    }

    @Test
    void gridsWithoutStableIdsAreRefused() {
        assertThatThrownBy(() -> PixelLattice.of(new LevelGrid(10, 10, new double[] {0, 8, 6, 0, 6, -8}, 32633)))
                .hasMessageContaining("north-up");
        assertThatThrownBy(() -> PixelLattice.of(new LevelGrid(10, 10, new double[] {498780, 1, 0, 5900040, 0, -1},
                32633))).hasMessageContaining("outside the range of stable pixel ids");
    }
}
