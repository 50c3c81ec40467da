package dev.stacstream.job.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CellChunkTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void mergingRandomPartitionsEqualsOnePass(long seed) {
        Random random = new Random(seed);
        CellChunk onePass = new CellChunk();
        CellChunk[] parts = {new CellChunk(), new CellChunk(), new CellChunk()};
        for (int k = 0; k < 20_000; k++) {
            int cell = random.nextInt(50);
            boolean valid = random.nextInt(4) != 0;
            double value = 1000 + random.nextGaussian() * 300;
            onePass.addPixel(cell, valid, value);
            parts[random.nextInt(parts.length)].addPixel(cell, valid, value);
        }
        CellChunk merged = new CellChunk();
        for (CellChunk p : parts) {
            merged.merge(p);
        }
        for (int i = 0; i < 50; i++) {
            assertThat(merged.countTotal(i)).isEqualTo(onePass.countTotal(i));
            assertThat(merged.countValid(i)).isEqualTo(onePass.countValid(i));
            assertThat(merged.min(i)).isEqualTo(onePass.min(i));
            assertThat(merged.max(i)).isEqualTo(onePass.max(i));
            assertThat(merged.mean(i)).isCloseTo(onePass.mean(i), within(1e-9));
            assertThat(merged.std(i)).isCloseTo(onePass.std(i), within(1e-9));
            assertThat(merged.sum(i)).isCloseTo(onePass.sum(i), within(1e-6));
        }
    }

    @Test
    void populationStdOfAKnownSample() {
        CellChunk c = new CellChunk();
        for (double v : new double[] {2, 4, 4, 4, 5, 5, 7, 9}) {
            c.addPixel(7, true, v);
        }
        c.addPixel(7, false, 1e9);
        assertThat(c.countTotal(7)).isEqualTo(9);
        assertThat(c.countValid(7)).isEqualTo(8);
        assertThat(c.mean(7)).isEqualTo(5.0);
        assertThat(c.std(7)).isEqualTo(2.0);
        assertThat(c.std(8)).isNaN();
    }

    @Test
    void mergeItemCountsEachCoveredCellOnce() {
        CellChunk item = new CellChunk();
        item.addPixel(0, true, 1);
        item.addPixel(0, true, 2);
        item.addPixel(1, false, 0);
        CellChunk period = new CellChunk();
        period.mergeItem(item);
        period.mergeItem(item);
        assertThat(period.items(0)).isEqualTo(2);
        assertThat(period.items(1)).isEqualTo(2);
        assertThat(period.items(2)).isZero();
        assertThat(period.countValid(0)).isEqualTo(4);
    }

    @Test
    void cellIndexWrapsWithinAChunk() {
        assertThat(CellChunk.index(0, 0)).isZero();
        assertThat(CellChunk.index(CellChunk.SIDE + 3, 2)).isEqualTo(2 * CellChunk.SIDE + 3);
    }
}
