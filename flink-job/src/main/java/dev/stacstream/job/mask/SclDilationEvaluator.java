package dev.stacstream.job.mask;

import java.util.Arrays;
import java.util.Set;

/**
 * Evaluates the SCL dilation rule (FORMATS.md section 6) on a block's SCL pixels plus halo.
 *
 * <p>The SCL is taken as extending beyond the image with nodata, so the rule has one meaning everywhere and a
 * block computed with {@link SclDilationParams#haloPixels()} of halo equals, pixel for pixel, the same
 * pixels computed on the whole image (the halo inside the image must be read; outside it is synthesised).
 * Binary masks, erosion and thresholds are exact; the convolution sums in a fixed order (see
 * {@link SeparableThreshold}). Not thread-safe.
 */
final class SclDilationEvaluator implements MaskEvaluator {

    /** binaryMask1 is dilated where its convolution with kernel1 exceeds this. */
    static final double MASK1_THRESHOLD = 0.057;
    /** binaryMask2 is dilated where its convolution with kernel2 exceeds this. */
    static final double MASK2_THRESHOLD = 0.025;

    private static final int CLASS_TABLE_SIZE = SclClassRule.MAX_CLASS + 1;

    private final SclDilationParams params;
    private final int halo;
    private final boolean[] inMask1 = new boolean[CLASS_TABLE_SIZE];
    private final boolean[] inMask2 = new boolean[CLASS_TABLE_SIZE];
    private final SeparableThreshold convolution1;
    private final SeparableThreshold convolution2;
    private final BinaryErosion erosion;
    private byte[] binary1 = new byte[0];
    private byte[] binary2 = new byte[0];
    private byte[] eroded = new byte[0];
    private int[] samples = new int[0];

    SclDilationEvaluator(SclDilationParams params) {
        this.params = params;
        this.halo = params.haloPixels();
        fill(inMask1, params.mask1Classes());
        fill(inMask2, params.mask2Classes());
        this.convolution1 = params.kernel1Size() > 0
                ? new SeparableThreshold(GaussianWeights.of(params.kernel1Size()), MASK1_THRESHOLD) : null;
        this.convolution2 = params.kernel2Size() > 0
                ? new SeparableThreshold(GaussianWeights.of(params.kernel2Size()), MASK2_THRESHOLD) : null;
        this.erosion = params.erosionRadius() > 0 ? new BinaryErosion(params.erosionRadius()) : null;
    }

    private static void fill(boolean[] table, Set<Integer> classes) {
        for (int c : classes) {
            table[c] = true;
        }
    }

    @Override
    public void evaluate(MaskLayer layer, int col, int row, int width, int height, byte[] valid) {
        if (!layer.covers(col - halo, row - halo, col + width + halo, row + height + halo)) {
            throw new IllegalArgumentException("mask layer " + layer + " does not hold the SCL pixels cols [" + (col - halo)
                    + ", " + (col + width + halo) + ") rows [" + (row - halo) + ", " + (row + height + halo)
                    + ") (clipped to the image) that " + params + " needs: the block plus a halo of " + halo + " pixels");
        }
        int stride = width + 2 * halo;
        int gridHeight = height + 2 * halo;
        ensureCapacity(stride, gridHeight);
        binaryMasks(layer, col - halo, row - halo, stride, gridHeight);
        Arrays.fill(valid, 0, width * height, (byte) 1);
        dilate(binary1, convolution1, stride, width, height, valid);
        dilate(binary2, convolution2, stride, width, height, valid);
    }

    /** Fills binaryMask1 and binaryMask2 over the grid; pixels outside the image count as nodata. */
    private void binaryMasks(MaskLayer layer, int gridCol, int gridRow, int stride, int gridHeight) {
        int inCol0 = Math.max(gridCol, 0);
        int inCol1 = Math.min(gridCol + stride, layer.levelWidth());
        for (int t = 0; t < gridHeight; t++) {
            int start = t * stride;
            int maskRow = gridRow + t;
            Arrays.fill(binary1, start, start + stride, (byte) 1);
            Arrays.fill(binary2, start, start + stride, (byte) 0);
            if (maskRow < 0 || maskRow >= layer.levelHeight() || inCol0 >= inCol1) {
                continue;
            }
            int count = inCol1 - inCol0;
            layer.readRow(maskRow, inCol0, count, samples);
            int at = start + inCol0 - gridCol;
            for (int i = 0; i < count; i++) {
                int v = samples[i];
                if (layer.isNodata(v) || v < 0 || v >= CLASS_TABLE_SIZE) {
                    continue; // nodata (and values no SCL class has) stay 1 in binaryMask1, 0 in binaryMask2
                }
                binary1[at + i] = inMask1[v] ? (byte) 0 : (byte) 1;
                binary2[at + i] = inMask2[v] ? (byte) 1 : (byte) 0;
            }
        }
    }

    /** Marks the core pixels one binary mask invalidates: eroded, convolved and thresholded, or as it is. */
    private void dilate(byte[] binary, SeparableThreshold convolution, int stride, int width, int height, byte[] valid) {
        if (convolution == null) {
            for (int r = 0; r < height; r++) {
                int from = (halo + r) * stride + halo;
                for (int c = 0; c < width; c++) {
                    if (binary[from + c] != 0) {
                        valid[r * width + c] = 0;
                    }
                }
            }
            return;
        }
        byte[] source = binary;
        if (erosion != null) {
            int reach = convolution.half();
            erosion.erode(binary, stride, halo - reach, halo - reach, halo + width + reach, halo + height + reach, eroded);
            source = eroded;
        }
        convolution.markAbove(source, stride, halo, width, height, valid);
    }

    private void ensureCapacity(int stride, int gridHeight) {
        int cells = stride * gridHeight;
        if (binary1.length < cells) {
            binary1 = new byte[cells];
            binary2 = new byte[cells];
            eroded = erosion != null ? new byte[cells] : eroded;
        }
        if (samples.length < stride) {
            samples = new int[stride];
        }
    }
}
