package dev.stacstream.job.mask;

/** The rule of {@link MaskRule#none()}: masks nothing and reads no mask layer. */
final class NoMaskRule implements MaskRule {

    static final NoMaskRule INSTANCE = new NoMaskRule();

    private NoMaskRule() {}

    @Override
    public int haloPixels() {
        return 0;
    }

    @Override
    public boolean needsMaskLayer() {
        return false;
    }

    @Override
    public MaskEvaluator newEvaluator() {
        return (layer, col, row, width, height, valid) -> java.util.Arrays.fill(valid, 0, width * height, (byte) 1);
    }

    /** Keeps the singleton across Java serialization. */
    private Object readResolve() {
        return INSTANCE;
    }

    @Override
    public String toString() {
        return "MaskRule.none()";
    }
}
