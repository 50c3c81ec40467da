/**
 * Masking, Flink-free: which pixels of a block are valid.
 *
 * <p>Flow, per work window of one item (one thread; the operator keeps one {@link dev.stacstream.job.mask.BlockMasker}):
 * <pre>{@code
 * MaskRule rule = MaskRule.sclClasses(MaskRule.DEFAULT_SCL_EXCLUDED);   // serializable, from the pipeline config
 * int halo = rule.haloPixels();                  // mask pixels to read around the window (dilation: kernel2 / 2)
 * BlockInput block = BlockInput.of(levelGrid, window, List.of(
 *         BandLayer.of("red", redRaster, BandValues.withNodata(0).withScaleOffset(0.0001, -0.1)), ...))
 *     .withMask(new MaskLayer(sclRaster, sclCol, sclRow, sclLevelWidth, sclLevelHeight, ratio, OptionalDouble.of(0)));
 * MaskedBlock masked = masker.mask(block);       // mask flags on the mask grid; nodata is checked per band later
 * }</pre>
 * The rule's flags live on the mask's own (coarser) grid and map onto band pixels by nearest neighbour; the
 * aggregation ({@code dev.stacstream.job.aggregate}) reads them together with each band's nodata in one pass.
 */
package dev.stacstream.job.mask;
