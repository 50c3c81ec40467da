package dev.stacstream.sinks.kerchunk.zarr;

import java.util.List;

/**
 * The chunk grid of a zarr array: how many chunks lie along each axis ({@code ceil(shape / chunks)}), and the
 * C-order chunk numbers that kerchunk's Parquet layout and TIFF block indices both use.
 */
public final class ChunkGrid {

    private final long[] counts;
    private final long total;

    public ChunkGrid(List<Integer> shape, List<Integer> chunks) {
        if (shape.size() != chunks.size()) {
            throw new IllegalArgumentException("shape " + shape + " and chunks " + chunks + " differ in rank");
        }
        counts = new long[shape.size()];
        long n = 1;
        for (int i = 0; i < counts.length; i++) {
            int size = shape.get(i);
            int chunk = chunks.get(i);
            if (size < 0 || chunk <= 0) {
                throw new IllegalArgumentException("shape " + shape + " / chunks " + chunks + " is not a valid grid");
            }
            counts[i] = (size + (long) chunk - 1) / chunk;
            n = Math.multiplyExact(n, counts[i]);
        }
        total = n;
    }

    /** Number of chunks along each axis. */
    public long[] counts() {
        return counts.clone();
    }

    /** Number of chunks in the array. */
    public long size() {
        return total;
    }

    /** The C-order chunk number of chunk {@code indices} (numpy's {@code ravel_multi_index}). */
    public long ravel(long[] indices) {
        if (indices.length != counts.length) {
            throw new IllegalArgumentException("chunk index of rank " + indices.length + " for a grid of rank " + counts.length);
        }
        long n = 0;
        for (int i = 0; i < counts.length; i++) {
            if (indices[i] < 0 || indices[i] >= counts[i]) {
                throw new IllegalArgumentException("chunk index " + java.util.Arrays.toString(indices)
                        + " is outside the grid " + java.util.Arrays.toString(counts));
            }
            n = n * counts[i] + indices[i];
        }
        return n;
    }

    /** The chunk indices of chunk number {@code number}. */
    public long[] unravel(long number) {
        if (number < 0 || number >= total) {
            throw new IllegalArgumentException("chunk number " + number + " is outside [0, " + total + ")");
        }
        long[] indices = new long[counts.length];
        long rest = number;
        for (int i = counts.length - 1; i >= 0; i--) {
            indices[i] = rest % counts[i];
            rest /= counts[i];
        }
        return indices;
    }

    /** The dot-separated key of chunk number {@code number} ({@code "2.0.1"}), as zarr v2 names chunks. */
    public String key(long number) {
        long[] indices = unravel(number);
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < indices.length; i++) {
            if (i > 0) {
                key.append('.');
            }
            key.append(indices[i]);
        }
        return key.length() == 0 ? "0" : key.toString();
    }

    /** The chunk number of a dot-separated chunk key; fails naming the key when it is not one of this grid. */
    public long number(String key) {
        String[] parts = key.split("\\.", -1);
        if (counts.length == 0 && key.equals("0")) {
            return 0;
        }
        if (parts.length != counts.length) {
            throw new IllegalArgumentException("chunk key '" + key + "' does not have " + counts.length + " indices");
        }
        long[] indices = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                indices[i] = Long.parseLong(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("chunk key '" + key + "' is not dot-separated integers", e);
            }
        }
        return ravel(indices);
    }
}
