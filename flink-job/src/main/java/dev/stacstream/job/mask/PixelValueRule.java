package dev.stacstream.job.mask;

import dev.stacstream.cog.raster.DataType;

/**
 * A rule that decides each mask pixel from its own value. Its evaluator tabulates the decision once for
 * 8- and 16-bit masks (256 or 65536 entries), so the per-pixel work is one table load.
 */
abstract class PixelValueRule implements MaskRule {

    /** Whether a mask pixel holding {@code value} is masked. */
    abstract boolean excludes(int value);

    @Override
    public final int haloPixels() {
        return 0;
    }

    @Override
    public final MaskEvaluator newEvaluator() {
        return new Evaluator(this);
    }

    /** Evaluates row by row through a lookup table built for the layer's sample type. */
    private static final class Evaluator implements MaskEvaluator {

        private final PixelValueRule rule;
        private DataType tableType;
        private byte[] validByValue;
        private int tableBase;
        private int[] row = new int[0];

        Evaluator(PixelValueRule rule) {
            this.rule = rule;
        }

        @Override
        public void evaluate(MaskLayer layer, int col, int row0, int width, int height, byte[] valid) {
            DataType type = layer.raster().dataType();
            if (row.length < width) {
                row = new int[width];
            }
            boolean tabulated = prepareTable(type);
            for (int r = 0; r < height; r++) {
                layer.readRow(row0 + r, col, width, row);
                int out = r * width;
                if (tabulated) {
                    for (int i = 0; i < width; i++) {
                        valid[out + i] = validByValue[row[i] - tableBase];
                    }
                } else {
                    for (int i = 0; i < width; i++) {
                        valid[out + i] = rule.excludes(row[i]) ? (byte) 0 : (byte) 1;
                    }
                }
            }
        }

        /** Builds the table for 8/16-bit types; returns false for 32-bit masks, which call the rule per pixel. */
        private boolean prepareTable(DataType type) {
            if (type == tableType) {
                return validByValue != null;
            }
            tableType = type;
            int base;
            int size;
            switch (type) {
                case UINT8 -> { base = 0; size = 1 << Byte.SIZE; }
                case INT8 -> { base = Byte.MIN_VALUE; size = 1 << Byte.SIZE; }
                case UINT16 -> { base = 0; size = 1 << Short.SIZE; }
                case INT16 -> { base = Short.MIN_VALUE; size = 1 << Short.SIZE; }
                default -> {
                    validByValue = null;
                    return false;
                }
            }
            validByValue = new byte[size];
            for (int i = 0; i < size; i++) {
                validByValue[i] = rule.excludes(base + i) ? (byte) 0 : (byte) 1;
            }
            tableBase = base;
            return true;
        }
    }
}
