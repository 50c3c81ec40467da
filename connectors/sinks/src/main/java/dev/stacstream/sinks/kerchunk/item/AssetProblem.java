package dev.stacstream.sinks.kerchunk.item;

/**
 * An asset, or an overview level of one, that could not be expressed as references, and why: a row for the
 * {@code errors} table (stage: manifest, kind: {@code unsupported}).
 *
 * @param asset the asset key (or file variable name)
 * @param href the asset's URL
 * @param level the level that was left out, or {@link #WHOLE_ASSET} when the asset is missing from the manifest
 * @param reason what cannot be expressed, e.g. "incomplete chunks are not supported by the fsspec ReferenceFileSystem..."
 */
public record AssetProblem(String asset, String href, int level, String reason) {

    /** {@link #level()} of a problem that leaves the whole asset out. */
    public static final int WHOLE_ASSET = -1;

    /** Whether the asset is missing from the manifest (rather than only some overview levels). */
    public boolean wholeAsset() {
        return level == WHOLE_ASSET;
    }

    /** One line naming the asset, its href and the reason. */
    public String message() {
        return (wholeAsset() ? "asset " + asset : "asset " + asset + " level " + level + " and below") + " (" + href
                + ") left out of the references: " + reason;
    }
}
