package dev.stacstream.sinks.kerchunk.item;

import java.util.Locale;

/** What a manifest describes, recorded as {@code stacstream.manifest} in its root attributes. */
public enum ManifestKind {
    /** One STAC item: a group per asset. */
    ITEM,
    /** COG files given by URI: a group per file. */
    FILES,
    /** One (collection, grid tile, asset) over time. */
    TIME_STACK;

    /** The attribute value: {@code item}, {@code files}, {@code time-stack}. */
    public String attributeValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
