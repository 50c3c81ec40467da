package dev.stacstream.sinks.row;

/**
 * Argument checks for the constructors that run once per output row, taking primitives: a check that passes boxes
 * and allocates nothing. Flink's {@code Preconditions.checkArgument(boolean, String, Object...)} boxes its
 * arguments into a new array on every call, which the JIT does not always remove, millions of times per tile.
 */
final class RowChecks {

    private RowChecks() {}

    /** Throws {@link IllegalArgumentException} with {@code format} filled with {@code a} unless {@code ok}. */
    static void checkArgument(boolean ok, String format, long a) {
        if (!ok) {
            throw new IllegalArgumentException(String.format(format, a));
        }
    }

    /** Throws {@link IllegalArgumentException} with {@code format} filled with {@code a, b} unless {@code ok}. */
    static void checkArgument(boolean ok, String format, long a, long b) {
        if (!ok) {
            throw new IllegalArgumentException(String.format(format, a, b));
        }
    }

    /** Throws {@link IllegalArgumentException} with {@code format} filled with the arguments unless {@code ok}. */
    static void checkArgument(boolean ok, String format, long a, long b, double c, double d, double e, double f) {
        if (!ok) {
            throw new IllegalArgumentException(String.format(format, a, b, c, d, e, f));
        }
    }
}
