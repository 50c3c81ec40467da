package dev.stacstream.storage.internal;

import dev.stacstream.storage.BadRequestException;
import dev.stacstream.storage.ByteRange;
import dev.stacstream.storage.TruncatedReadException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Which bytes of a successful ranged-GET response body answer the request, decided from the status and headers
 * before the body arrives. Shared by the HTTP and S3 backends.
 *
 * <p>An exact read ({@code RangeReader#read}) is due the whole requested range. A clamped read
 * ({@code RangeReader#readAtMost}) is due the part of the range within the object, as far as the response tells
 * where the object ends ({@code Content-Range} total of a 206, {@code Content-Length} of a 200); that part may be
 * nothing. Either way the body must deliver every due byte: a shorter body is a truncation, never a shorter answer.
 *
 * @param due the object bytes the answer holds, or {@code null} when nothing is due (a clamped read that starts at
 *     or past the end of the object)
 * @param skip body bytes before the due ones (0 for a 206, the range offset for a whole body)
 * @param wholeBody the body is the whole object (a server that ignored {@code Range}): once the due bytes have
 *     arrived, the rest is surplus not worth downloading
 * @param objectSize the object's length, if the response told it
 */
public record BodyPlan(ByteRange due, long skip, boolean wholeBody, OptionalLong objectSize) {

    /**
     * For a 206 response: the body must start at the requested offset.
     *
     * @param clampToObject cut the due range at the object's end ({@code readAtMost}); an exact read is due the
     *     whole range even when the object is shorter, so that its body comes up short and fails
     * @throws BadRequestException when {@code Content-Range} is missing, starts elsewhere, or reports an object
     *     that ends before the range starts
     */
    public static BodyPlan partial(
            String uri, ByteRange requested, boolean clampToObject, Optional<ContentRange> contentRange) {
        if (contentRange.isEmpty() || !contentRange.get().isSatisfied()) {
            throw new BadRequestException(uri, requested, "HTTP 206 without a valid Content-Range header", null);
        }
        ContentRange returned = contentRange.get();
        if (returned.start() != requested.offset()) {
            throw new BadRequestException(uri, requested,
                    "server returned bytes " + ByteRange.of(returned.start(), returned.end()) + " instead", null);
        }
        OptionalLong total = returned.total();
        if (!clampToObject || total.isEmpty()) {
            return new BodyPlan(requested, 0, false, total);
        }
        ByteRange due = requested.clampTo(total.getAsLong()).orElseThrow(() -> new BadRequestException(uri,
                requested, "server returned bytes " + ByteRange.of(returned.start(), returned.end())
                        + " of an object it says has only " + total.getAsLong() + " bytes", null));
        return new BodyPlan(due, 0, false, total);
    }

    /**
     * For a 200 response: the server ignored {@code Range} and sends the whole object, so the due bytes are cut
     * out of it.
     *
     * @param contentLength the body's announced length: the object's size
     */
    public static BodyPlan wholeBody(ByteRange requested, boolean clampToObject, OptionalLong contentLength) {
        ByteRange due = clampToObject && contentLength.isPresent()
                ? requested.clampTo(contentLength.getAsLong()).orElse(null)
                : requested;
        return new BodyPlan(due, requested.offset(), true, contentLength);
    }

    /** How many bytes are due. */
    public long dueLength() {
        return due == null ? 0 : due.length();
    }

    /** The error for a body that ended before every due byte arrived (see {@link BodyWindow#truncation}). */
    public TruncatedReadException truncation(String uri, BodyWindow window, Throwable cause) {
        return window.truncation(uri, due, objectSize, cause);
    }

    /** A fresh collector for the due bytes of the body. */
    public BodyWindow newWindow() {
        return new BodyWindow(skip, dueLength());
    }
}
