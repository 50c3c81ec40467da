package dev.stacstream.job.mask;

/** The rule of {@link MaskRule#sclDilation(SclDilationParams)}. */
record SclDilationRule(SclDilationParams params) implements MaskRule {

    SclDilationRule {
        if (params == null) {
            throw new IllegalArgumentException("SCL dilation parameters must not be null");
        }
    }

    @Override
    public int haloPixels() {
        return params.haloPixels();
    }

    @Override
    public MaskEvaluator newEvaluator() {
        return new SclDilationEvaluator(params);
    }

    @Override
    public String toString() {
        return "MaskRule.sclDilation(" + params + ")";
    }
}
