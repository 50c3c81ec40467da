package dev.stacstream.cog.testing.matrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a covering array: rows (one value per factor) such that every required combination of values of
 * each required group of factors (an "interaction": every pair, plus chosen triples) occurs in at least
 * one row, instead of the full cartesian product.
 *
 * <p>Greedy and deterministic, in the style of AETG/IPOG: seed rows (with unassigned factors) are completed
 * one factor at a time by the value that covers the most still-uncovered combinations; ties go to the value
 * whose combinations with the row so far occur least often (so that, once everything is covered, values
 * keep mixing instead of repeating one pattern), then to the lowest value. Then rows are added for
 * whatever is left uncovered. Values
 * that cannot coexist (a pairwise {@link Compatibility}) are never put in the same row, and combinations
 * containing them are not required.
 */
final class CoveringArray {

    /** Marks a factor not yet assigned in a row. */
    static final int FREE = -1;

    /** Whether value {@code va} of factor {@code a} may appear in a row together with value {@code vb} of factor {@code b}. */
    @FunctionalInterface
    interface Compatibility {
        boolean compatible(int a, int va, int b, int vb);
    }

    private final int[] levels;
    private final Compatibility compatibility;
    private final List<int[]> interactions;
    private final Set<List<Integer>> uncovered = new LinkedHashSet<>();
    /** How many rows so far hold each combination (required or not). */
    private final Map<List<Integer>, Integer> occurrences = new HashMap<>();

    /**
     * @param levels number of values of each factor
     * @param interactions groups of factor indexes whose value combinations must all be covered
     */
    CoveringArray(int[] levels, Compatibility compatibility, List<int[]> interactions) {
        this.levels = levels.clone();
        this.compatibility = compatibility;
        this.interactions = List.copyOf(interactions);
        for (int i = 0; i < interactions.size(); i++) {
            enumerate(i, interactions.get(i), 0, new int[interactions.get(i).length]);
        }
    }

    /** Every pair of factors, the interactions of a pairwise (strength 2) covering array. */
    static List<int[]> allPairs(int factors) {
        List<int[]> pairs = new ArrayList<>();
        for (int a = 0; a < factors; a++) {
            for (int b = a + 1; b < factors; b++) {
                pairs.add(new int[] {a, b});
            }
        }
        return pairs;
    }

    /** Completes the seed rows, then adds rows until every required combination is covered. */
    List<int[]> build(List<int[]> seeds) {
        List<int[]> rows = new ArrayList<>();
        for (int[] seed : seeds) {
            rows.add(complete(seed.clone()));
        }
        while (!uncovered.isEmpty()) {
            List<Integer> tuple = uncovered.iterator().next();
            int[] row = new int[levels.length];
            Arrays.fill(row, FREE);
            int[] factors = interactions.get(tuple.get(0));
            for (int k = 0; k < factors.length; k++) {
                row[factors[k]] = tuple.get(k + 1);
            }
            rows.add(complete(row));
        }
        return rows;
    }

    /** Whether every pair of values in the row may coexist. */
    boolean compatible(int[] row) {
        for (int a = 0; a < row.length; a++) {
            for (int b = a + 1; b < row.length; b++) {
                if (row[a] != FREE && row[b] != FREE && !compatibility.compatible(a, row[a], b, row[b])) {
                    return false;
                }
            }
        }
        return true;
    }

    private int[] complete(int[] row) {
        if (!compatible(row)) {
            throw new IllegalArgumentException("seed row " + Arrays.toString(row) + " combines incompatible values");
        }
        for (int f = 0; f < row.length; f++) {
            if (row[f] == FREE) {
                row[f] = bestValue(row, f);
            }
        }
        markCovered(row);
        return row;
    }

    private int bestValue(int[] row, int factor) {
        int best = FREE;
        int bestGain = -1;
        int bestRepeats = Integer.MAX_VALUE;
        for (int v = 0; v < levels[factor]; v++) {
            row[factor] = v;
            if (compatible(row)) {
                int gain = 0;
                int repeats = 0;
                for (int i = 0; i < interactions.size(); i++) {
                    int[] factors = interactions.get(i);
                    if (contains(factors, factor) && Arrays.stream(factors).allMatch(f -> row[f] != FREE)) {
                        List<Integer> tuple = tuple(i, factors, row);
                        gain += uncovered.contains(tuple) ? 1 : 0;
                        repeats += occurrences.getOrDefault(tuple, 0);
                    }
                }
                if (gain > bestGain || (gain == bestGain && repeats < bestRepeats)) {
                    best = v;
                    bestGain = gain;
                    bestRepeats = repeats;
                }
            }
            row[factor] = FREE;
        }
        if (best == FREE) {
            throw new IllegalStateException("no value of factor " + factor + " fits row " + Arrays.toString(row));
        }
        return best;
    }

    private static boolean contains(int[] factors, int factor) {
        return Arrays.stream(factors).anyMatch(f -> f == factor);
    }

    private void markCovered(int[] row) {
        for (int i = 0; i < interactions.size(); i++) {
            List<Integer> tuple = tuple(i, interactions.get(i), row);
            uncovered.remove(tuple);
            occurrences.merge(tuple, 1, Integer::sum);
        }
    }

    private static List<Integer> tuple(int interaction, int[] factors, int[] row) {
        List<Integer> tuple = new ArrayList<>(factors.length + 1);
        tuple.add(interaction);
        for (int f : factors) {
            tuple.add(row[f]);
        }
        return tuple;
    }

    /** Adds every compatible value combination of one interaction to the uncovered set. */
    private void enumerate(int interaction, int[] factors, int depth, int[] values) {
        if (depth == factors.length) {
            int[] row = new int[levels.length];
            Arrays.fill(row, FREE);
            for (int k = 0; k < factors.length; k++) {
                row[factors[k]] = values[k];
            }
            if (compatible(row)) {
                uncovered.add(tuple(interaction, factors, row));
            }
            return;
        }
        for (int v = 0; v < levels[factors[depth]]; v++) {
            values[depth] = v;
            enumerate(interaction, factors, depth + 1, values);
        }
    }

    /** The combinations no row covers yet (empty after {@link #build}). */
    Set<List<Integer>> uncovered() {
        return Set.copyOf(uncovered);
    }
}
