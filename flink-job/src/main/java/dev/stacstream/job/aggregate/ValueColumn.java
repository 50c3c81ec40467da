package dev.stacstream.job.aggregate;

/**
 * One statistic per cell of a {@link CellColumns} (sum, min or max of the valid values): ints while every value
 * set is a whole number in int range (as integer samples without scale/offset give: a W cell's sum is at most
 * 100 x 65535), doubles from the first value that is not. Either way each value is held exactly; widening copies
 * the column once. A column wrapping an aggregator's {@code double[]} is wide from the start.
 */
final class ValueColumn {

    private int[] whole;
    private double[] values;

    private ValueColumn(int[] whole, double[] values) {
        this.whole = whole;
        this.values = values;
    }

    /** {@code cells} zeros, held as ints. */
    static ValueColumn allocate(int cells) {
        return new ValueColumn(new int[cells], null);
    }

    /** The values in {@code values} (not copied). */
    static ValueColumn of(double[] values) {
        return new ValueColumn(null, values);
    }


    double get(int k) {
        return values != null ? values[k] : whole[k];
    }

    void set(int k, double v) {
        if (values == null) {
            if (CellColumns.isWholeInt(v)) {
                whole[k] = (int) v;
                return;
            }
            widen();
        }
        values[k] = v;
    }

    /** Copies {@code n} values of {@code source} from {@code from} to this column from {@code to}. */
    void copy(int to, ValueColumn source, int from, int n) {
        if (source.values == null && values == null) {
            System.arraycopy(source.whole, from, whole, to, n);
        } else if (source.values != null && values != null) {
            System.arraycopy(source.values, from, values, to, n);
        } else {
            for (int i = 0; i < n; i++) {
                set(to + i, source.get(from + i));
            }
        }
    }

    /** Copies {@code n} values from {@code from} into {@code out}. */
    void export(int from, double[] out, int n) {
        if (values != null) {
            System.arraycopy(values, from, out, 0, n);
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = whole[from + i];
            }
        }
    }

    /** Whether this column and {@code other} hold their values the same way (so that {@link #copy} is a copy). */
    boolean sameWidth(ValueColumn other) {
        return (values == null) == (other.values == null);
    }

    /** Bytes per value as held now. */
    int bytesPerCell() {
        return values != null ? Double.BYTES : Integer.BYTES;
    }

    private void widen() {
        values = new double[whole.length];
        for (int k = 0; k < whole.length; k++) {
            values[k] = whole[k];
        }
        whole = null;
    }
}
