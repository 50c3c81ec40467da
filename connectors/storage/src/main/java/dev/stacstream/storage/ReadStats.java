package dev.stacstream.storage;

/**
 * A snapshot of what a {@link CountingRangeReader} saw.
 *
 * @param rangesRequested caller ranges asked for through {@code read}, {@code readAll} and {@code readAtMost}
 * @param bytesRequested total length of those caller ranges (duplicates counted each time); for {@code readAtMost},
 *     the part of the range within the object, counted when the answer tells where the object ends (the whole range
 *     if the read fails)
 * @param requests read requests issued to the backend, after coalescing (a retried request counts once)
 * @param bytesReceived bytes of the successful backend responses (coalescing gaps included)
 * @param failedRequests backend read requests that completed exceptionally
 * @param metadataRequests size lookups that reached the backend ({@code HEAD}, {@code HeadObject}, a file's length);
 *     sizes the backend already knew, e.g. from an earlier response's {@code Content-Range}, are not counted
 */
public record ReadStats(
        long rangesRequested,
        long bytesRequested,
        long requests,
        long bytesReceived,
        long failedRequests,
        long metadataRequests) {

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
                failedRequests - earlier.failedRequests,
                metadataRequests - earlier.metadataRequests);
    }
}
