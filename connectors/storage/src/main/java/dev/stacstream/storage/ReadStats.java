package dev.stacstream.storage;

/**
 * A snapshot of what a {@link CountingRangeReader} saw.
 *
 * @param rangesRequested caller ranges asked for through {@code read} and {@code readAll}
 * @param bytesRequested total length of those caller ranges (duplicates counted each time)
 * @param requests requests issued to the backend, after coalescing (a retried request counts once)
 * @param bytesReceived bytes of the successful backend responses (coalescing gaps included)
 * @param failedRequests backend requests that completed exceptionally
 */
public record ReadStats(
        long rangesRequested, long bytesRequested, long requests, long bytesReceived, long failedRequests) {

    /**
     * Bytes received beyond what the caller asked for: the gaps that coalescing read through. Negative when the
     * caller asked for overlapping or duplicate ranges, which are fetched once.
     */
    public long overReadBytes() {
        return bytesReceived - bytesRequested;
    }

    /** The difference {@code this - earlier}, for measuring one phase of work. */
    public ReadStats minus(ReadStats earlier) {
        return new ReadStats(
                rangesRequested - earlier.rangesRequested,
                bytesRequested - earlier.bytesRequested,
                requests - earlier.requests,
                bytesReceived - earlier.bytesReceived,
                failedRequests - earlier.failedRequests);
    }
}
