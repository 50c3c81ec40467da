package dev.stacstream.job.mask;

import dev.stacstream.cog.plan.PixelWindow;

/**
 * Applies a {@link MaskRule} to blocks: finds the mask pixels under the block's window, checks that the mask
 * layer holds them (and the rule's halo), and evaluates the rule on them. Reuses the rule's scratch buffers
 * between blocks, so it is not thread-safe: use one per operator instance.
 */
public final class BlockMasker {

    private final MaskRule rule;
    private final MaskEvaluator evaluator;

    public BlockMasker(MaskRule rule) {
        if (rule == null) {
            throw new IllegalArgumentException("mask rule must not be null; use MaskRule.none()");
        }
        this.rule = rule;
        this.evaluator = rule.newEvaluator();
    }

    public MaskRule rule() {
        return rule;
    }

    /**
     * Evaluates the rule for {@code block}.
     *
     * @throws IllegalArgumentException if the rule needs a mask layer and the block has none, or the layer does
     *     not hold the mask pixels under the window plus the rule's halo (clipped to the image)
     */
    public MaskedBlock mask(BlockInput block) {
        if (!rule.needsMaskLayer()) {
            return MaskedBlock.unmasked(block);
        }
        MaskLayer layer = block.mask().orElseThrow(() -> new IllegalArgumentException(rule + " needs a mask layer, but "
                + block + " has none"));
        PixelWindow w = block.window();
        int ratio = layer.ratio();
        int col0 = w.col() / ratio;
        int row0 = w.row() / ratio;
        int col1 = (w.colEnd() - 1) / ratio + 1;
        int row1 = (w.rowEnd() - 1) / ratio + 1;
        int halo = rule.haloPixels();
        if (!layer.covers(col0 - halo, row0 - halo, col1 + halo, row1 + halo)) {
            throw new IllegalArgumentException(layer + " does not hold the mask pixels cols [" + (col0 - halo) + ", "
                    + (col1 + halo) + ") rows [" + (row0 - halo) + ", " + (row1 + halo) + ") (clipped to the image) under "
                    + w + " at ratio " + ratio + " with the halo of " + halo + " that " + rule + " needs");
        }
        int width = col1 - col0;
        int height = row1 - row0;
        byte[] valid = new byte[Math.multiplyExact(width, height)];
        evaluator.evaluate(layer, col0, row0, width, height, valid);
        return new MaskedBlock(block, valid, col0, row0, width, height, ratio);
    }
}
