package dev.stacstream.sinks.row;

import static org.apache.flink.util.Preconditions.checkArgument;
import static org.apache.flink.util.Preconditions.checkNotNull;

import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * One row of the {@code errors} table: an item, asset or block the pipeline gave up on, and why. The job records it
 * and goes on with the other items.
 *
 * <p>Build with {@link #of} and the {@code with…} methods, which leave the optional columns {@code NULL} unless set:
 * <pre>{@code
 * ErrorRow.of(itemId, ErrorStage.READ, "not_found", "HTTP 404 for " + href, now).withAsset("red", href).withAttempts(3)
 * }</pre>
 * Flink handles it as a POJO (Java record), without Kryo; see {@link #typeInfo()}.
 *
 * @param itemId STAC item id, or {@code null} when the failure precedes any item (a catalog page)
 * @param asset asset key (e.g. {@code red}), or {@code null} when the failure concerns the whole item
 * @param href the URI that failed (asset href or document URL), or {@code null}
 * @param block index of the failed block (tile) in its asset's image at the level read, or {@code null}
 * @param stage the stage that failed
 * @param kind the failure's class, a short lower-case token; suggested: {@code not_found}, {@code access_denied},
 *     {@code io}, {@code timeout}, {@code malformed}, {@code unsupported}, {@code invalid_item}
 * @param message one line naming the input and what is wrong
 * @param attempts how many times the operation was tried, at least 1
 * @param time when the failure was recorded (UTC); also the {@code date=} folder
 */
public record ErrorRow(String itemId, String asset, String href, Long block, ErrorStage stage, String kind,
        String message, int attempts, Instant time) {

    public ErrorRow {
        checkArgument(itemId == null || !itemId.isBlank(), "item id is blank (use null for no item)");
        checkArgument(asset == null || !asset.isBlank(), "asset is blank (use null for no asset)");
        checkArgument(block == null || block >= 0, "block index %s is negative", block);
        checkNotNull(stage, "stage is null");
        checkNotNull(kind, "kind is null");
        checkArgument(!kind.isBlank(), "kind is blank");
        checkNotNull(message, "message is null");
        checkArgument(attempts >= 1, "attempts is %s, but a failure takes at least one", attempts);
        checkNotNull(time, "time is null");
    }

    /** An error about item {@code itemId} (or {@code null}), tried once, with no asset, href or block. */
    public static ErrorRow of(String itemId, ErrorStage stage, String kind, String message, Instant time) {
        return new ErrorRow(itemId, null, null, null, stage, kind, message, 1, time);
    }

    /** This error, about asset {@code asset} at {@code href} (either may be {@code null}). */
    public ErrorRow withAsset(String asset, String href) {
        return new ErrorRow(itemId, asset, href, block, stage, kind, message, attempts, time);
    }

    /** This error, about block {@code block} of its asset. */
    public ErrorRow withBlock(long block) {
        return new ErrorRow(itemId, asset, href, block, stage, kind, message, attempts, time);
    }

    /** This error, after {@code attempts} tries. */
    public ErrorRow withAttempts(int attempts) {
        return new ErrorRow(itemId, asset, href, block, stage, kind, message, attempts, time);
    }

    /** Flink's type information for this row: a POJO type, no generic (Kryo) fields. */
    public static TypeInformation<ErrorRow> typeInfo() {
        return Types.POJO(ErrorRow.class);
    }
}
