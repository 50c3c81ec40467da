package dev.stacstream.storage.http;

import dev.stacstream.storage.BadRequestException;
import dev.stacstream.storage.ByteRange;
import dev.stacstream.storage.StorageException;
import dev.stacstream.storage.internal.ContentRange;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpTimeoutException;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpResponse.ResponseInfo;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Chooses how to receive the body of a ranged GET once the status line and headers are known.
 *
 * <ul>
 *   <li>206: the body must start at the range's first byte (checked against {@code Content-Range}) and hold the
 *       whole range;</li>
 *   <li>200: the server ignored {@code Range} and sends the whole object. The range is cut out of the stream and
 *       the download stops right after it, so memory stays bounded by the range, but the bytes before the range
 *       still cross the network. {@code onIgnoredRange} is told, so the reader can warn once;</li>
 *   <li>anything else: the body is discarded (a {@code null} body) and the reader maps the status to an error.</li>
 * </ul>
 * Runs on the HttpClient's executor.
 */
final class RangeBodyHandler implements BodyHandler<ByteBuffer> {

    static final int OK = 200;
    static final int PARTIAL_CONTENT = 206;

    private final String uri;
    private final ByteRange range;
    private final Runnable onIgnoredRange;
    /** The subscriber chosen for a 200/206 response; set on the HttpClient's thread, read after the exchange. */
    private volatile RangeBodySubscriber subscriber;

    RangeBodyHandler(String uri, ByteRange range, Runnable onIgnoredRange) {
        this.uri = uri;
        this.range = range;
        this.onIgnoredRange = onIgnoredRange;
    }

    /**
     * The failure to report for an exchange that failed with {@code error}: once a body was being received, the
     * subscriber's view (a truncation naming the bytes that arrived); before that, or for a timeout, {@code error}
     * itself.
     */
    Throwable failure(Throwable error) {
        RangeBodySubscriber chosen = subscriber;
        boolean keepAsIs = chosen == null || error instanceof StorageException || error instanceof HttpTimeoutException;
        return keepAsIs ? error : chosen.failure(error);
    }

    @Override
    public BodySubscriber<ByteBuffer> apply(ResponseInfo info) {
        BodySubscriber<ByteBuffer> chosen = choose(info);
        if (chosen instanceof RangeBodySubscriber ranged) {
            subscriber = ranged;
        }
        return chosen;
    }

    private BodySubscriber<ByteBuffer> choose(ResponseInfo info) {
        if (info.statusCode() == PARTIAL_CONTENT) {
            Optional<ContentRange> contentRange = ContentRange.parse(
                    info.headers().firstValue("Content-Range").orElse(null));
            if (contentRange.isEmpty() || !contentRange.get().isSatisfied()) {
                return RangeBodySubscriber.rejecting(uri, range, new BadRequestException(uri, range,
                        "HTTP 206 without a valid Content-Range header", null));
            }
            ContentRange returned = contentRange.get();
            if (returned.start() != range.offset()) {
                return RangeBodySubscriber.rejecting(uri, range, new BadRequestException(uri, range,
                        "server returned bytes " + ByteRange.of(returned.start(), returned.end()) + " instead", null));
            }
            return RangeBodySubscriber.partial(uri, range, returned.total());
        }
        if (info.statusCode() == OK) {
            onIgnoredRange.run();
            OptionalLong length = info.headers().firstValueAsLong("Content-Length");
            return RangeBodySubscriber.wholeBody(uri, range, length);
        }
        return BodySubscribers.replacing(null);
    }
}
