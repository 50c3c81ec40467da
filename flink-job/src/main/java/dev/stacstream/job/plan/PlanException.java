package dev.stacstream.job.plan;

/**
 * An item cannot be planned: a band or mask asset is missing, an asset is not a readable COG, or the assets do
 * not line up. Names the item, the asset and its href, so the errors table can say what to fix.
 */
public final class PlanException extends RuntimeException {

    private final String itemId;
    private final String asset;
    private final String href;
    private final String kind;

    public PlanException(String itemId, String asset, String href, String kind, String message, Throwable cause) {
        super("item " + itemId + (asset == null ? "" : ", asset " + asset) + (href == null ? "" : " (" + href + ")")
                + ": " + message, cause);
        this.itemId = itemId;
        this.asset = asset;
        this.href = href;
        this.kind = kind;
    }

    public String itemId() {
        return itemId;
    }

    public String asset() {
        return asset;
    }

    public String href() {
        return href;
    }

    /** The error kind for the errors table: missing-asset, malformed, unsupported, io, misaligned. */
    public String kind() {
        return kind;
    }
}
