package dev.stacstream.job.cli;

/**
 * A hot loop for {@link JitDirectivesTest}: {@link #spin} runs long enough for tiered compilation to reach C2 (level
 * 4) where the directives allow it, and the JDK methods it calls through an interface become hot on their own.
 */
public final class JitProbe {

    private JitProbe() {
    }

    static long spin(long[] values, java.util.function.LongUnaryOperator step) {
        long sum = 0;
        for (int i = 0; i < values.length; i++) {
            values[i] = step.applyAsLong(values[i]);
            sum += values[i];
        }
        return sum;
    }

    public static void main(String[] args) {
        long[] values = new long[4096];
        long sum = 0;
        long end = System.nanoTime() + 1_500_000_000L;
        while (System.nanoTime() < end) {
            sum += spin(values, Long::reverse);
            sum += Long.toString(sum).hashCode();
        }
        System.out.println("probe sum " + sum);
    }
}
