package dev.stacstream.cog.testing.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CoveringArrayTest {

    /** Four factors of three values each: 81 rows in full, but 9 rows can cover every pair. */
    private static final int[] LEVELS = {3, 3, 3, 3};

    @Test
    void coversEveryPairWithFarFewerRowsThanTheProduct() {
        CoveringArray array = new CoveringArray(LEVELS, (a, va, b, vb) -> true, CoveringArray.allPairs(LEVELS.length));

        List<int[]> rows = array.build(List.of());

        assertThat(array.uncovered()).isEmpty();
        assertThat(pairsOf(rows)).hasSize(6 * 9);
        assertThat(rows.size()).isBetween(9, 15);
    }

    @Test
    void neverCombinesIncompatibleValuesAndDoesNotRequireThem() {
        // Value 0 of factor 0 cannot meet value 2 of factor 1.
        CoveringArray.Compatibility rule = (a, va, b, vb) -> !((a == 0 && va == 0 && b == 1 && vb == 2) || (b == 0 && vb == 0 && a == 1 && va == 2));
        CoveringArray array = new CoveringArray(LEVELS, rule, CoveringArray.allPairs(LEVELS.length));

        List<int[]> rows = array.build(List.of());

        assertThat(rows).noneMatch(row -> row[0] == 0 && row[1] == 2);
        assertThat(pairsOf(rows)).hasSize(6 * 9 - 1);
    }

    @Test
    void completesSeedRowsAndCoversRequiredTriples() {
        List<int[]> interactions = new ArrayList<>(CoveringArray.allPairs(LEVELS.length));
        interactions.add(new int[] {0, 1, 2});
        CoveringArray array = new CoveringArray(LEVELS, (a, va, b, vb) -> true, interactions);
        int free = CoveringArray.FREE;

        List<int[]> rows = array.build(List.of(new int[] {1, 1, free, free}, new int[] {2, free, 0, free}));

        assertThat(rows.get(0)).startsWith(1, 1).doesNotContain(free);
        assertThat(rows.get(1)[0]).isEqualTo(2);
        assertThat(rows.get(1)[2]).isZero();
        Set<List<Integer>> triples = new HashSet<>();
        rows.forEach(row -> triples.add(List.of(row[0], row[1], row[2])));
        assertThat(triples).hasSize(27);
        assertThat(array.uncovered()).isEmpty();
    }

    /** Distinct (factor a, value, factor b, value) pairs the rows contain. */
    private static Set<List<Integer>> pairsOf(List<int[]> rows) {
        Set<List<Integer>> pairs = new HashSet<>();
        for (int[] row : rows) {
            for (int a = 0; a < row.length; a++) {
                for (int b = a + 1; b < row.length; b++) {
                    pairs.add(List.of(a, row[a], b, row[b]));
                }
            }
        }
        return pairs;
    }
}
