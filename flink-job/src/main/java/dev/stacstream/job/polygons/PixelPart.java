package dev.stacstream.job.polygons;

import dev.stacstream.sinks.row.PixelBatch;
import dev.stacstream.sinks.row.PixelSource;
import java.util.Objects;

/**
 * A polygon's pixels in one work window of an item: the decode stage's output for pixel extraction, one of
 * {@code windows} parts that make the polygon's whole batch for the item.
 *
 * @param pixels the polygon's pixels in the window
 * @param windows how many work windows of the item hold pixels of the polygon
 * @param window this window's index among the item's windows
 */
public record PixelPart(PixelBatch pixels, int windows, int window) {

    public PixelPart {
        Objects.requireNonNull(pixels, "pixels");
        if (windows < 1 || window < 0) {
            throw new IllegalArgumentException("polygon " + pixels.polygonId() + ": window " + window + " of " + windows);
        }
    }

    /** The item the part comes from. */
    public PixelSource item() {
        return pixels.sources().get(0);
    }
}
