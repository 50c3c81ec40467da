package dev.stacstream.job.config;

import java.util.Collection;
import java.util.Optional;

/**
 * "Did you mean" for unknown keys: the known key closest in edit distance ({@code aggregate.factr} →
 * {@code aggregate.factor}), or, for a key in the wrong section or without one, the key with the closest last
 * segment ({@code factor} → {@code aggregate.factor}).
 */
final class KeySuggestions {

    /** Edits tolerated between a mistyped key and the real one: enough for a slip, not enough for nonsense. */
    private static final int MAX_KEY_EDITS = 2;
    /** Edits tolerated between last segments when the section is wrong or missing ({@code factr} alone is too far). */
    private static final int MAX_SEGMENT_EDITS = 1;

    private KeySuggestions() {
    }

    static Optional<String> suggest(String unknown, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String key : known) {
            int keyDistance = editDistance(unknown, key);
            int segmentDistance = editDistance(lastSegment(unknown), lastSegment(key));
            int distance = keyDistance <= MAX_KEY_EDITS ? keyDistance
                    : segmentDistance <= MAX_SEGMENT_EDITS ? segmentDistance : Integer.MAX_VALUE;
            if (distance < bestDistance) {
                best = key;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    private static String lastSegment(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    /** Levenshtein distance with adjacent transpositions counted as one edit (optimal string alignment). */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
