package dev.stacstream.job.aggregate;

import dev.stacstream.cog.plan.PixelWindow;
import dev.stacstream.cog.raster.DataType;
import dev.stacstream.cog.raster.Raster;
import dev.stacstream.job.mask.BandLayer;
import dev.stacstream.job.mask.BlockInput;
import dev.stacstream.job.mask.LevelGrid;
import dev.stacstream.job.mask.MaskedBlock;
import dev.stacstream.job.mask.SampleNodata;
import dev.stacstream.job.mask.SampleRows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reduces a masked block to partial statistics per (band, output cell): one pass over each band's samples,
 * checking the mask flag and the band's nodata per pixel and adding the pixel to its cell.
 *
 * <p>Paths, chosen per band: 8/16-bit integers accumulate exact {@code long} sums (uint16 under a mask at half
 * its resolution, Sentinel-2 10 m bands under the 20 m SCL, takes {@link HalfResolutionUint16Kernel}'s loop over
 * 2x2 quads read straight from the bytes);
 * wider integers and floats accumulate shifted double sums. All paths give the same statistics for the same
 * pixels. Scale/offset applies to each cell's summary, not to each pixel.
 *
 * <p>Keeps scratch arrays between blocks, so use one instance per thread (per operator instance). The
 * {@link BlockAggregate} it returns is a view of that scratch: valid until the next {@link #aggregate}, so that a
 * block's statistics cost no allocation once the arrays have grown to the largest block.
 */
public final class BlockAggregator {

    private final GridSpec spec;
    private final boolean fusedPaths;
    private LevelGrid lastLevel;
    private CellGrid lastGrid;
    private IntAccumulator[] intAccumulators = new IntAccumulator[0];
    private DoubleAccumulator[] doubleAccumulators = new DoubleAccumulator[0];
    private byte[] keep = new byte[0];
    private int[] maskColumn = new int[0];
    private int[] intRow = new int[0];
    private double[] doubleRow = new double[0];
    private long[] countTotal = new long[0];
    private BlockAggregate.BandColumns[] columns = new BlockAggregate.BandColumns[0];

    /** An aggregator onto the cells {@code spec} gives on each block's level. */
    public BlockAggregator(GridSpec spec) {
        this(spec, true);
    }

    private BlockAggregator(GridSpec spec, boolean fusedPaths) {
        if (spec == null) {
            throw new IllegalArgumentException("grid spec must not be null");
        }
        this.spec = spec;
        this.fusedPaths = fusedPaths;
    }

    /**
     * An aggregator that never takes the fused uint16 loop, only the general row path: for tests and
     * benchmarks that compare the two. Results are identical.
     */
    public static BlockAggregator withoutFusedPaths(GridSpec spec) {
        return new BlockAggregator(spec, false);
    }

    public GridSpec spec() {
        return spec;
    }

    /** The cell grid of {@code level} (resolved once per distinct level grid). */
    public CellGrid grid(LevelGrid level) {
        if (!level.equals(lastLevel)) {
            lastGrid = spec.resolve(level);
            lastLevel = level;
        }
        return lastGrid;
    }

    /** The block's partial statistics per band and touched cell, valid until the next call. */
    public BlockAggregate aggregate(MaskedBlock masked) {
        BlockInput block = masked.block();
        CellGrid grid = grid(block.level());
        PixelWindow window = block.window();
        CellSpan span = new CellSpan(grid, window);
        List<BandLayer> bands = block.bands();
        prepare(bands, span, window.width());

        boolean[] fused = new boolean[bands.size()];
        boolean anyGeneral = false;
        for (int b = 0; b < bands.size(); b++) {
            fused[b] = fusedPaths && fusable(bands.get(b), masked);
            anyGeneral |= !fused[b];
        }
        if (anyGeneral) {
            generalPass(masked, span, bands, fused);
        }
        CellColumns[] cells = new CellColumns[bands.size()];
        List<String> names = new ArrayList<>(bands.size());
        for (int b = 0; b < bands.size(); b++) {
            BandLayer band = bands.get(b);
            names.add(band.name());
            if (fused[b]) {
                int nodata = SampleNodata.of(band.values(), DataType.UINT16).intValue();
                HalfResolutionUint16Kernel.accumulate(intAccumulators[b], band.raster(), band.rasterBand(), masked, span, nodata);
            }
            if (SampleRows.isSmallInteger(band.raster().dataType())) {
                intAccumulators[b].finish(span.cells(), band.values(), columns[b]);
            } else {
                doubleAccumulators[b].finish(span.cells(), band.values(), columns[b]);
            }
            cells[b] = columns[b].view(span, countTotal);
        }
        return new BlockAggregate(grid, names, span, (long) window.width() * window.height(), cells);
    }

    private static boolean fusable(BandLayer band, MaskedBlock masked) {
        return band.raster().dataType() == DataType.UINT16 && masked.hasMask()
                && masked.ratio() == HalfResolutionUint16Kernel.RATIO;
    }

    /** Row by row: expands the mask flags of the row once, then decodes and adds each non-fused band's row. */
    private void generalPass(MaskedBlock masked, CellSpan span, List<BandLayer> bands, boolean[] fused) {
        PixelWindow window = masked.window();
        int width = window.width();
        SampleNodata[] nodata = new SampleNodata[bands.size()];
        for (int b = 0; b < bands.size(); b++) {
            nodata[b] = SampleNodata.of(bands.get(b).values(), bands.get(b).raster().dataType());
        }
        int ratio = masked.ratio();
        if (masked.hasMask()) {
            for (int x = 0; x < width; x++) {
                maskColumn[x] = (window.col() + x) / ratio - masked.maskCol();
            }
        } else {
            Arrays.fill(keep, 0, width, (byte) 1);
        }
        byte[] maskValid = masked.maskValidity();
        for (int y = 0; y < window.height(); y++) {
            if (maskValid != null) {
                int maskRowStart = ((window.row() + y) / ratio - masked.maskRow()) * masked.maskWidth();
                for (int x = 0; x < width; x++) {
                    keep[x] = maskValid[maskRowStart + maskColumn[x]];
                }
            }
            int cellRowBase = span.cellRowOf(y) * span.columns();
            for (int b = 0; b < bands.size(); b++) {
                if (fused[b]) {
                    continue;
                }
                BandLayer band = bands.get(b);
                Raster raster = band.raster();
                if (SampleRows.isSmallInteger(raster.dataType())) {
                    SampleRows.toInt(raster, band.rasterBand(), y, 0, width, intRow);
                    intAccumulators[b].addRow(intRow, keep, nodata[b].intValue(), span.columnStarts(), cellRowBase);
                } else {
                    SampleRows.toDouble(raster, band.rasterBand(), y, 0, width, doubleRow);
                    doubleAccumulators[b].addRow(doubleRow, keep, nodata[b], span.columnStarts(), cellRowBase);
                }
            }
        }
    }

    private void prepare(List<BandLayer> bandLayers, CellSpan span, int width) {
        int bands = bandLayers.size();
        int cells = span.cells();
        if (intAccumulators.length < bands) {
            int old = intAccumulators.length;
            intAccumulators = Arrays.copyOf(intAccumulators, bands);
            doubleAccumulators = Arrays.copyOf(doubleAccumulators, bands);
            columns = Arrays.copyOf(columns, bands);
            for (int b = old; b < bands; b++) {
                intAccumulators[b] = new IntAccumulator();
                doubleAccumulators[b] = new DoubleAccumulator();
                columns[b] = new BlockAggregate.BandColumns();
            }
        }
        if (countTotal.length < cells) {
            countTotal = new long[cells];
        }
        for (int k = 0; k < cells; k++) {
            countTotal[k] = span.pixels(k);
        }
        for (int b = 0; b < bands; b++) {
            columns[b].ensure(cells);
            if (SampleRows.isSmallInteger(bandLayers.get(b).raster().dataType())) {
                intAccumulators[b].reset(cells);
            } else {
                doubleAccumulators[b].reset(cells);
            }
        }
        if (keep.length < width) {
            keep = new byte[width];
            maskColumn = new int[width];
            intRow = new int[width];
            doubleRow = new double[width];
        }
    }
}
