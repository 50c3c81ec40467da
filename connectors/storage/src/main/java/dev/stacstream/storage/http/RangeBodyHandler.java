package dev.stacstream.storage.http;

import dev.stacstream.storage.BadRequestException;
import dev.stacstream.storage.ByteRange;
import dev.stacstream.storage.StorageException;
import dev.stacstream.storage.internal.BodyPlan;
import dev.stacstream.storage.internal.ContentRange;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpResponse.ResponseInfo;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;

/**
 * Chooses how to receive the body of a ranged GET once the status line and headers are known.
 *
 * <ul>
 *   <li>206: the body must start at the range's first byte (checked against {@code Content-Range}) and hold the
 *       whole range, or for a clamped read the part of it before the {@code Content-Range} total;</li>
 *   <li>200: the server ignored {@code Range} and sends the whole object. The range (for a clamped read, the part
 *       before {@code Content-Length}) is cut out of the stream and the download stops right after it, so memory
 *       stays bounded by the range, but the bytes before the range still cross the network. {@code onIgnoredRange}
 *       is told, so the reader can warn once;</li>
 *   <li>anything else: the body is discarded (a {@code null} body) and the reader maps the status to an error.</li>
 * </ul>
 * See {@link BodyPlan} for the exact rules. Runs on the HttpClient's executor.
 */
final class RangeBodyHandler implements BodyHandler<ByteBuffer> {

    static final int OK = 200;
    static final int PARTIAL_CONTENT = 206;

    private final String uri;
    private final ByteRange range;
    private final boolean clampToObject;
    private final Runnable onIgnoredRange;
    /** The subscriber chosen for a 200/206 response; set on the HttpClient's thread, read after the exchange. */
    private volatile RangeBodySubscriber subscriber;

    /**
     * @param clampToObject receive only the part of {@code range} within the object ({@code readAtMost}) instead of
     *     requiring all of it
     */
    RangeBodyHandler(String uri, ByteRange range, boolean clampToObject, Runnable onIgnoredRange) {
        this.uri = uri;
        this.range = range;
        this.clampToObject = clampToObject;
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
            try {
                return RangeBodySubscriber.receiving(uri, BodyPlan.partial(uri, range, clampToObject,
                        ContentRange.parse(info.headers().firstValue("Content-Range").orElse(null))));
            } catch (BadRequestException e) {
                return RangeBodySubscriber.rejecting(uri, e);
            }
        }
        if (info.statusCode() == OK) {
            onIgnoredRange.run();
            return RangeBodySubscriber.receiving(uri, BodyPlan.wholeBody(range, clampToObject,
                    info.headers().firstValueAsLong("Content-Length")));
        }
        return BodySubscribers.replacing(null);
    }
}
