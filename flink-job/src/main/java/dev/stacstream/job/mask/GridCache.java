package dev.stacstream.job.mask;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What was derived from the last few pixel grids, kept by grid: the input points' or polygons' pixels on an item's
 * band grid, which the item's windows share and so do the items of one tile. Least recently used first out. Not
 * thread-safe: one per operator instance.
 *
 * @param <V> what is derived from a grid
 */
public final class GridCache<V> {

    private final Map<LevelGrid, V> entries;
    private final Function<LevelGrid, V> derive;

    /** A cache of up to {@code size} grids, filled by {@code derive}. */
    public GridCache(int size, Function<LevelGrid, V> derive) {
        this.derive = derive;
        this.entries = new LinkedHashMap<>(size * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<LevelGrid, V> eldest) {
                return size() > size;
            }
        };
    }

    /** What {@code grid} gives, derived now unless kept. */
    public V get(LevelGrid grid) {
        V v = entries.get(grid);
        if (v == null) {
            v = derive.apply(grid);
            entries.put(grid, v);
        }
        return v;
    }
}
