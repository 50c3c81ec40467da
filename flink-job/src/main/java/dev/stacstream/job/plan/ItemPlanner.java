package dev.stacstream.job.plan;

import dev.stacstream.cog.CogFile;
import dev.stacstream.cog.error.CogException;
import dev.stacstream.cog.error.ErrorContext;
import dev.stacstream.cog.error.UnsupportedTiffException;
import dev.stacstream.cog.plan.BlockPlanner;
import dev.stacstream.cog.plan.PixelWindow;
import dev.stacstream.cog.read.BlockDecoder;
import dev.stacstream.cog.tiff.ImageLayout;
import dev.stacstream.job.mask.LevelGrid;
import dev.stacstream.job.mask.MaskLayer;
import dev.stacstream.sinks.kerchunk.item.AssetSource;
import dev.stacstream.sinks.kerchunk.item.ItemInfo;
import dev.stacstream.sinks.manifest.ItemReferences;
import dev.stacstream.stac.model.Asset;
import dev.stacstream.stac.model.RasterBand;
import dev.stacstream.stac.model.StacItem;
import dev.stacstream.storage.RangeReader;
import dev.stacstream.storage.StorageException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Plans the work for one STAC item: resolves the band and mask assets, reads each COG header (one ranged
 * request each), checks that the bands line up, cuts the bands' level into work windows of whole blocks (as many
 * as one mask block covers, see {@link WindowSizing}), and lists for every window and asset the blocks to fetch
 * (for the mask: the window's footprint on the mask's grid plus the halo the mask rule needs). The headers also give the item's kerchunk references
 * ({@link ItemPlan#references()}). No pixel is read here.
 *
 * <p>Blocking I/O: called from an async I/O thread of the plan operator.
 */
public final class ItemPlanner {

    private static final BlockDecoder DECODER = BlockDecoder.defaults();

    private final PlanOptions options;
    private final Function<String, RangeReader> opener;

    /** @param opener opens a {@link RangeReader} for an asset href (the caller owns client pooling) */
    public ItemPlanner(PlanOptions options, Function<String, RangeReader> opener) {
        this.options = options;
        this.opener = opener;
    }

    public ItemPlan plan(StacItem item) {
        List<Opened> bands = new ArrayList<>();
        for (String band : options.bands()) {
            bands.add(open(item, band, AssetRole.BAND));
        }
        Opened mask = options.maskAsset() == null ? null : open(item, options.maskAsset(), AssetRole.MASK);
        Opened first = bands.get(0);
        ImageLayout grid = level(item, first, options.level());
        for (Opened other : bands) {
            ImageLayout l = level(item, other, options.level());
            if (l.width() != grid.width() || l.height() != grid.height()) {
                throw new PlanException(item.id(), other.asset.key(), other.href, "misaligned", String.format(
                        "level %d is %dx%d but band %s is %dx%d; bands of different resolutions are not supported yet",
                        options.level(), l.width(), l.height(), first.asset.key(), grid.width(), grid.height()), null);
            }
        }
        double[] bandGt = first.cog.geoReference(options.level()).geoTransform();
        int maskLevel = mask == null ? -1 : maskLevelFor(mask, bandGt);
        if (mask != null) {
            level(item, mask, maskLevel);
        }
        String tile = tileOf(item, first);
        WindowGrid windows = mask == null ? WindowSizing.oneBlockEach(grid)
                : WindowSizing.alignedWithMask(grid, mask.cog.level(maskLevel), maskRatio(item, mask, maskLevel, bandGt));
        BitSet selected;
        try {
            selected = options.windows().select(new LevelGrid(grid.width(), grid.height(), bandGt,
                    first.cog.geoReference().epsg()), windows);
        } catch (IllegalArgumentException e) {
            throw new PlanException(item.id(), first.asset.key(), first.href, "unsupported", e.getMessage(), e);
        }
        List<BlockTask> tasks = new ArrayList<>(selected.cardinality());
        for (int w = selected.nextSetBit(0); w >= 0; w = selected.nextSetBit(w + 1)) {
            PixelWindow window = windows.window(w);
            List<AssetWindow> assets = new ArrayList<>(bands.size() + 1);
            for (Opened band : bands) {
                assets.add(assetWindow(band, options.level(), window));
            }
            if (mask != null) {
                assets.add(assetWindow(mask, maskLevel, maskWindow(mask, maskLevel, bandGt, window)));
            }
            tasks.add(new BlockTask(item.id(), item.collection(), item.datetime(), tile, w, windows, assets));
        }
        List<AssetSource> referenced = new ArrayList<>(bands.size() + 1);
        bands.forEach(b -> referenced.add(AssetSource.of(b.asset, b.cog)));
        if (mask != null) {
            referenced.add(AssetSource.of(mask.asset, mask.cog));
        }
        bands.forEach(Opened::close);
        if (mask != null) {
            mask.close();
        }
        return new ItemPlan(tasks, new ItemReferences(ItemInfo.of(item), tile, referenced));
    }

    /** The mask level's pixel size over the bands' (2 for a 20 m SCL under 10 m bands). */
    /** Band pixels per mask pixel; an item whose mask grid cannot map onto its bands is not planned. */
    private static int maskRatio(StacItem item, Opened mask, int maskLevel, double[] bandGt) {
        try {
            return MaskLayer.ratio(mask.cog.geoReference(maskLevel).geoTransform()[1], bandGt[1]);
        } catch (IllegalArgumentException e) {
            throw new PlanException(item.id(), mask.asset.key(), mask.href, "misaligned", e.getMessage()
                    + " (mask level " + maskLevel + "); the mask must be as coarse as the bands or coarser by a whole"
                    + " factor", null);
        }
    }

    private AssetWindow assetWindow(Opened opened, int level, PixelWindow window) {
        ImageLayout layout = opened.cog.level(level);
        return new AssetWindow(opened.asset.key(), opened.name, opened.role, opened.href, level, layout.encoding(), window,
                BlockPlanner.plan(layout, window), opened.cog.geoReference(level).geoTransform(),
                opened.cog.geoReference().epsg(), opened.nodata, opened.scale, opened.offset);
    }

    /**
     * The mask pixels under a band window: the window's extent mapped through both geotransforms, widened to
     * whole mask pixels, plus the halo, clipped to the mask image.
     */
    static PixelWindow maskWindow(Opened mask, int maskLevel, double[] bandGt, PixelWindow window) {
        ImageLayout layout = mask.cog.level(maskLevel);
        double[] m = mask.cog.geoReference(maskLevel).geoTransform();
        double x0 = bandGt[0] + window.col() * bandGt[1];
        double x1 = bandGt[0] + window.colEnd() * bandGt[1];
        double y0 = bandGt[3] + window.row() * bandGt[5];
        double y1 = bandGt[3] + window.rowEnd() * bandGt[5];
        int halo = mask.halo;
        int c0 = (int) Math.floor(Math.min((x0 - m[0]) / m[1], (x1 - m[0]) / m[1])) - halo;
        int c1 = (int) Math.ceil(Math.max((x0 - m[0]) / m[1], (x1 - m[0]) / m[1])) + halo;
        int r0 = (int) Math.floor(Math.min((y0 - m[3]) / m[5], (y1 - m[3]) / m[5])) - halo;
        int r1 = (int) Math.ceil(Math.max((y0 - m[3]) / m[5], (y1 - m[3]) / m[5])) + halo;
        c0 = Math.max(0, c0);
        r0 = Math.max(0, r0);
        c1 = Math.min(layout.width(), c1);
        r1 = Math.min(layout.height(), r1);
        if (c1 <= c0 || r1 <= r0) {
            throw new PlanException(null, mask.asset.key(), mask.href, "misaligned",
                    "the mask does not cover band window " + window, null);
        }
        return new PixelWindow(c0, r0, c1 - c0, r1 - r0);
    }

    /** The mask level whose pixel size is closest to the bands' (SCL at 20 m serves bands at 10 m and 20 m). */
    private static int maskLevelFor(Opened mask, double[] bandGt) {
        double bandPixel = Math.abs(bandGt[1]);
        int best = 0;
        double bestDiff = Double.MAX_VALUE;
        for (int level = 0; level < mask.cog.levels().size(); level++) {
            double[] gt = mask.cog.geoReference(level).geoTransform();
            double diff = Math.abs(Math.log(Math.abs(gt[1]) / bandPixel));
            if (diff < bestDiff - 1e-9) {
                best = level;
                bestDiff = diff;
            }
        }
        return best;
    }

    private static ImageLayout level(StacItem item, Opened opened, int level) {
        if (level >= opened.cog.levels().size()) {
            throw new PlanException(item.id(), opened.asset.key(), opened.href, "misuse", "level " + level
                    + " does not exist: the COG has " + opened.cog.levels().size() + " level(s)", null);
        }
        ImageLayout layout = opened.cog.level(level);
        try {
            // Reject an undecodable asset once, here, rather than once per window after reading its blocks.
            DECODER.checkSupported(layout.encoding(), ErrorContext.of(opened.href));
        } catch (UnsupportedTiffException e) {
            throw new PlanException(item.id(), opened.asset.key(), opened.href, e.kind(), e.getMessage(), e);
        }
        return layout;
    }

    private static String tileOf(StacItem item, Opened first) {
        for (String key : new String[] {"grid:code", "s2:mgrs_tile", "mgrs:grid_square"}) {
            var value = item.propertyText(key);
            if (value.isPresent()) {
                return value.get();
            }
        }
        int epsg = first.cog.geoReference().epsg();
        return epsg > 0 ? "EPSG:" + epsg : "unknown";
    }

    private Opened open(StacItem item, String name, AssetRole role) {
        Asset asset = item.assetForBand(name).orElseThrow(() -> new PlanException(item.id(), name, null,
                "missing-asset", "no asset for '" + name + "' (assets: " + item.assets().keySet() + ")", null));
        String href = asset.resolvedHref();
        RangeReader reader;
        try {
            reader = opener.apply(href);
        } catch (RuntimeException e) {
            throw new PlanException(item.id(), asset.key(), href, "io", e.getMessage(), e);
        }
        try {
            CogFile cog = CogFile.open(reader);
            if (cog.geoReference().geoTransform() == null) {
                throw new PlanException(item.id(), asset.key(), href, "unsupported", "the COG has no georeferencing", null);
            }
            List<RasterBand> rb = asset.rasterBands();
            OptionalDouble stacNodata = rb.isEmpty() ? OptionalDouble.empty() : rb.get(0).nodata();
            Double nodata = null; // boxed on purpose: a mixed double/null conditional would unbox null
            if (stacNodata.isPresent()) {
                nodata = stacNodata.getAsDouble();
            } else if (cog.nodata().isPresent()) {
                nodata = cog.nodata().getAsDouble();
            }
            Double scale = options.scaleOffset() && !rb.isEmpty() && rb.get(0).scale().isPresent()
                    ? rb.get(0).scale().getAsDouble() : null;
            Double offset = options.scaleOffset() && !rb.isEmpty() && rb.get(0).offset().isPresent()
                    ? rb.get(0).offset().getAsDouble() : null;
            int halo = role == AssetRole.MASK ? options.maskHaloPixels() : 0;
            return new Opened(asset, name, role, href, reader, cog, nodata, scale, offset, halo);
        } catch (CogException e) {
            reader.close();
            throw new PlanException(item.id(), asset.key(), href, e.kind(), e.getMessage(), e);
        } catch (StorageException e) {
            reader.close();
            throw new PlanException(item.id(), asset.key(), href, "io", e.getMessage(), e);
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** An asset whose header has been read. */
    record Opened(Asset asset, String name, AssetRole role, String href, RangeReader reader, CogFile cog, Double nodata,
            Double scale, Double offset, int halo) {
        void close() {
            reader.close();
        }
    }
}
