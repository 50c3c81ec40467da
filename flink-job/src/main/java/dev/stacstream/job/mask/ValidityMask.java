package dev.stacstream.job.mask;

/**
 * Per-pixel validity of one band over a block's window, one bit per pixel; each row starts a new 64-bit
 * word, so whole rows can be scanned word by word.
 */
public final class ValidityMask {

    private final int width;
    private final int height;
    private final int wordsPerRow;
    private final long[] words;

    ValidityMask(int width, int height) {
        this.width = width;
        this.height = height;
        this.wordsPerRow = (width + Long.SIZE - 1) / Long.SIZE;
        this.words = new long[Math.multiplyExact(wordsPerRow, height)];
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Whether pixel {@code (col, row)} of the window is valid. */
    public boolean isValid(int col, int row) {
        if (col < 0 || row < 0 || col >= width || row >= height) {
            throw new IndexOutOfBoundsException("pixel (" + col + ", " + row + ") is outside the " + width + "x" + height
                    + " window");
        }
        return (words[row * wordsPerRow + (col >>> 6)] & (1L << col)) != 0;
    }

    void setValid(int col, int row) {
        words[row * wordsPerRow + (col >>> 6)] |= 1L << col;
    }

    /** Number of valid pixels. */
    public long validCount() {
        long n = 0;
        for (long w : words) {
            n += Long.bitCount(w);
        }
        return n;
    }

    /** The validity as one boolean per pixel, row-major. */
    public boolean[] toBooleans() {
        boolean[] out = new boolean[width * height];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                out[r * width + c] = (words[r * wordsPerRow + (c >>> 6)] & (1L << c)) != 0;
            }
        }
        return out;
    }
}
