package dev.stacstream.job.aggregate;

/**
 * One count per cell of a {@link CellColumns}: ints while every count fits one (a cell of 10 x 10 pixels holds 100
 * per item), longs once one does not. Widening copies the column once; a column wrapping an aggregator's
 * {@code long[]} is wide from the start.
 */
final class CountColumn {

    private int[] narrow;
    private long[] wide;

    private CountColumn(int[] narrow, long[] wide) {
        this.narrow = narrow;
        this.wide = wide;
    }

    /** {@code cells} zero counts, held as ints. */
    static CountColumn allocate(int cells) {
        return new CountColumn(new int[cells], null);
    }

    /** The counts in {@code counts} (not copied). */
    static CountColumn of(long[] counts) {
        return new CountColumn(null, counts);
    }

    long get(int k) {
        return wide != null ? wide[k] : narrow[k];
    }

    void set(int k, long count) {
        if (wide == null) {
            if (count <= Integer.MAX_VALUE) {
                narrow[k] = (int) count;
                return;
            }
            widen();
        }
        wide[k] = count;
    }

    /** Copies {@code n} counts of {@code source} from {@code from} to this column from {@code to}. */
    void copy(int to, CountColumn source, int from, int n) {
        if (source.wide == null && wide == null) {
            System.arraycopy(source.narrow, from, narrow, to, n);
        } else if (source.wide != null && wide != null) {
            System.arraycopy(source.wide, from, wide, to, n);
        } else {
            for (int i = 0; i < n; i++) {
                set(to + i, source.get(from + i));
            }
        }
    }

    /** Copies {@code n} counts from {@code from} into {@code out}. */
    void export(int from, long[] out, int n) {
        if (wide != null) {
            System.arraycopy(wide, from, out, 0, n);
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = narrow[from + i];
            }
        }
    }

    /** Bytes per count as held now. */
    int bytesPerCell() {
        return wide != null ? Long.BYTES : Integer.BYTES;
    }

    private void widen() {
        wide = new long[narrow.length];
        for (int k = 0; k < narrow.length; k++) {
            wide[k] = narrow[k];
        }
        narrow = null;
    }
}
