package dev.stacstream.storage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Merges nearby byte ranges into fewer, larger requests, and remembers which caller ranges each request serves.
 *
 * <p>A remote request costs a round trip (tens of milliseconds on object stores) while a few hundred extra KiB
 * cost a few milliseconds of transfer, so reading the gap between two tiles is cheaper than a second request.
 * Two limits bound the trade: ranges merge when the gap between them is at most {@code maxGapBytes} and the merged
 * request stays at most {@code maxRequestBytes} long. A single range longer than {@code maxRequestBytes} is never
 * split; it becomes a request of its own. Overlapping and duplicate input ranges are allowed and merge for free.
 *
 * <p>Pure and thread-safe: no I/O, no state. {@link CoalescingRangeReader} uses it for every backend's
 * {@code readAll}.
 */
public final class RangeCoalescer {

    /** Default largest gap read in between two ranges to save a request: 256 KiB (~3 ms at 100 MB/s). */
    public static final long DEFAULT_MAX_GAP_BYTES = 256L * 1024;

    /** Default largest merged request: 16 MiB, which bounds the memory one request can pin. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 16L * 1024 * 1024;

    /** Largest request a single {@link java.nio.ByteBuffer} can hold (arrays cap just below 2 GiB). */
    public static final long MAX_BUFFER_BYTES = Integer.MAX_VALUE - 8;

    private static final RangeCoalescer DISABLED = new RangeCoalescer(0, 0, false);

    private final long maxGapBytes;
    private final long maxRequestBytes;
    private final boolean merging;

    private RangeCoalescer(long maxGapBytes, long maxRequestBytes, boolean merging) {
        this.maxGapBytes = maxGapBytes;
        this.maxRequestBytes = maxRequestBytes;
        this.merging = merging;
    }

    /**
     * @param maxGapBytes largest gap between two ranges that is read rather than skipped, {@code >= 0}
     * @param maxRequestBytes largest merged request, in {@code [1, MAX_BUFFER_BYTES]}
     */
    public RangeCoalescer(long maxGapBytes, long maxRequestBytes) {
        this(maxGapBytes, maxRequestBytes, true);
        if (maxGapBytes < 0) {
            throw new IllegalArgumentException("coalescing maxGapBytes must be >= 0, got " + maxGapBytes);
        }
        if (maxRequestBytes < 1 || maxRequestBytes > MAX_BUFFER_BYTES) {
            throw new IllegalArgumentException(String.format(
                    "coalescing maxRequestBytes must be in [1, %d], got %d", MAX_BUFFER_BYTES, maxRequestBytes));
        }
    }

    /** The default limits ({@value #DEFAULT_MAX_GAP_BYTES} bytes gap, {@value #DEFAULT_MAX_REQUEST_BYTES} bytes). */
    public static RangeCoalescer defaults() {
        return new RangeCoalescer(DEFAULT_MAX_GAP_BYTES, DEFAULT_MAX_REQUEST_BYTES);
    }

    /** A coalescer that never merges: every input range becomes its own request, in the caller's order. */
    public static RangeCoalescer disabled() {
        return DISABLED;
    }

    /** Largest gap read in between two merged ranges; 0 when {@linkplain #isMerging() merging} is off. */
    public long maxGapBytes() {
        return maxGapBytes;
    }

    /** Largest merged request; 0 when {@linkplain #isMerging() merging} is off. */
    public long maxRequestBytes() {
        return maxRequestBytes;
    }

    /** Whether this coalescer merges at all ({@code false} only for {@link #disabled()}). */
    public boolean isMerging() {
        return merging;
    }

    /**
     * Plans the requests for {@code ranges}. Requests come out sorted by offset; each input range is served by
     * exactly one request that contains it.
     */
    public CoalescedRanges coalesce(List<ByteRange> ranges) {
        Objects.requireNonNull(ranges, "ranges");
        int n = ranges.size();
        List<ByteRange> requests = new ArrayList<>();
        int[] requestOfInput = new int[n];
        if (!merging) {
            for (int i = 0; i < n; i++) {
                requests.add(Objects.requireNonNull(ranges.get(i), "range"));
                requestOfInput[i] = i;
            }
            return new CoalescedRanges(ranges, requests, requestOfInput);
        }
        List<Integer> byOffset = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Objects.requireNonNull(ranges.get(i), "range");
            byOffset.add(i);
        }
        byOffset.sort(Comparator.comparing(ranges::get)); // stable: duplicates keep the caller's order
        long start = -1;
        long end = -1;
        for (int input : byOffset) {
            ByteRange range = ranges.get(input);
            boolean fits = start >= 0
                    && range.offset() - end <= maxGapBytes // negative when the range overlaps the request
                    && Math.max(end, range.end()) - start <= maxRequestBytes;
            if (fits) {
                end = Math.max(end, range.end());
            } else {
                if (start >= 0) {
                    requests.add(ByteRange.of(start, end));
                }
                start = range.offset();
                end = range.end();
            }
            requestOfInput[input] = requests.size();
        }
        if (start >= 0) {
            requests.add(ByteRange.of(start, end));
        }
        return new CoalescedRanges(ranges, requests, requestOfInput);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RangeCoalescer c
                && maxGapBytes == c.maxGapBytes
                && maxRequestBytes == c.maxRequestBytes
                && merging == c.merging;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxGapBytes, maxRequestBytes, merging);
    }

    @Override
    public String toString() {
        return merging
                ? "RangeCoalescer{maxGapBytes=" + maxGapBytes + ", maxRequestBytes=" + maxRequestBytes + "}"
                : "RangeCoalescer{disabled}";
    }
}
