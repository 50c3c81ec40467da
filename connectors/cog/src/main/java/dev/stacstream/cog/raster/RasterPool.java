package dev.stacstream.cog.raster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rasters that one decoding thread decodes window after window into (through
 * {@code WindowDecoder.decode(..., Raster reuse)}), instead of allocating a raster per window.
 *
 * <p>Rasters are kept per slot, a number the caller chooses (such as an asset's position in a task, so that
 * the rasters of one window's assets never share a slot), and per shape: the {@code shapesPerSlot} most
 * recently asked-for shapes stay. Tiling a scene into windows gives few shapes (full windows, the right and
 * bottom edges, the corner), so two or three per slot are enough for most windows to reuse one.
 *
 * <p>Not thread-safe: one pool per decoding thread. A raster handed out by {@link #raster} is handed out again
 * by a later call for the same slot and shape, so the caller must be done with its pixels by then.
 */
public final class RasterPool {

    private final int shapesPerSlot;
    /** Per slot, most recently used first. */
    private final Map<Integer, List<Raster>> slots = new HashMap<>();

    /** @param shapesPerSlot how many rasters of different shapes each slot keeps, at least 1 */
    public RasterPool(int shapesPerSlot) {
        if (shapesPerSlot < 1) {
            throw new IllegalArgumentException("a raster pool keeps at least 1 shape per slot, got " + shapesPerSlot);
        }
        this.shapesPerSlot = shapesPerSlot;
    }

    /**
     * The slot's raster of this shape, or a new one (kept in place of the slot's least recently used shape when
     * the slot is full). Its pixels are whatever was last written to it.
     */
    public Raster raster(int slot, DataType type, int bands, int width, int height) {
        List<Raster> kept = slots.computeIfAbsent(slot, s -> new ArrayList<>(shapesPerSlot));
        for (int i = 0; i < kept.size(); i++) {
            Raster raster = kept.get(i);
            if (raster.hasShape(type, bands, width, height)) {
                if (i > 0) {
                    kept.remove(i);
                    kept.add(0, raster);
                }
                return raster;
            }
        }
        Raster created = new Raster(type, bands, width, height);
        if (kept.size() == shapesPerSlot) {
            kept.remove(kept.size() - 1);
        }
        kept.add(0, created);
        return created;
    }
}
