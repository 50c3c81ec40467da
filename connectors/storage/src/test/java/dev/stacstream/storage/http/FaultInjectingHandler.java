package dev.stacstream.storage.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A Jetty handler in front of a {@code ResourceHandler} that counts every request per method and path, records the
 * {@code Range} headers, and plays back scripted faults for a given method and path before letting requests through.
 * Faults are consumed one per request, in order; once a path's script is empty its requests are served normally.
 */
final class FaultInjectingHandler extends Handler.Wrapper {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d+)");

    /** What to do with one request. */
    sealed interface Fault {}

    /** Answer with {@code status} (and {@code Retry-After} if given) and a short text body. */
    record Status(int status, String retryAfter) implements Fault {}

    /** Close the connection without answering. */
    record Reset() implements Fault {}

    /** Wait, then serve normally (to exceed the client's request timeout). */
    record Delay(Duration delay) implements Fault {}

    /**
     * Answer 206 announcing the whole range (up to the end of the file), send {@code keepBytes} of it, then abort the
     * connection.
     */
    record CutBody(int keepBytes) implements Fault {}

    /** Answer a complete 206 whose body is only the first {@code keepBytes} of the range. */
    record ShortBody(int keepBytes) implements Fault {}

    /** Ignore {@code Range}: answer 200 with the whole file. */
    record IgnoreRange() implements Fault {}

    /** Answer 416 with {@code Content-Range: bytes *&#47;total}, whatever the file's real length. */
    record Unsatisfiable(long total) implements Fault {}

    private final Path root;
    private final Map<String, Deque<Fault>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private final Map<String, List<String>> ranges = new ConcurrentHashMap<>();

    FaultInjectingHandler(Handler resources, Path root) {
        super(resources);
        this.root = root;
    }

    /** Queues {@code fault} {@code times} times for {@code method} requests of {@code path}. */
    void inject(String method, String path, Fault fault, int times) {
        Deque<Fault> script = scripts.computeIfAbsent(key(method, path), k -> new ArrayDeque<>());
        synchronized (script) {
            for (int i = 0; i < times; i++) {
                script.add(fault);
            }
        }
    }

    /** Requests received so far for {@code method} and {@code path}, faulted or not. */
    int requests(String method, String path) {
        return counts.getOrDefault(key(method, path), 0);
    }

    /** The {@code Range} headers of the GET requests of {@code path}, in arrival order. */
    List<String> rangeHeaders(String path) {
        List<String> list = ranges.getOrDefault(path, List.of());
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        String key = key(request.getMethod(), path);
        counts.merge(key, 1, Integer::sum);
        String range = request.getHeaders().get(HttpHeader.RANGE);
        if (range != null) {
            List<String> list = ranges.computeIfAbsent(path, p -> new ArrayList<>());
            synchronized (list) {
                list.add(range);
            }
        }
        Fault fault = nextFault(key);
        if (fault == null) {
            return super.handle(request, response, callback);
        }
        if (fault instanceof Status s) {
            response.setStatus(s.status());
            if (s.retryAfter() != null) {
                response.getHeaders().put(HttpHeader.RETRY_AFTER, s.retryAfter());
            }
            response.write(true, ByteBuffer.wrap(("injected " + s.status()).getBytes(StandardCharsets.UTF_8)),
                    callback);
        } else if (fault instanceof Reset) {
            abort(request, callback);
        } else if (fault instanceof Delay d) {
            // Serve later from another thread: Jetty may call handle() on a selector thread, which must not block.
            CompletableFuture.delayedExecutor(d.delay().toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
                try {
                    if (!super.handle(request, response, callback)) {
                        Response.writeError(request, response, callback, 404);
                    }
                } catch (Exception e) {
                    callback.failed(e);
                }
            });
        } else if (fault instanceof CutBody c) {
            byte[] part = rangeBytes(path, range, response);
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, part.length);
            response.write(false, ByteBuffer.wrap(part, 0, c.keepBytes()),
                    Callback.from(() -> abort(request, callback), callback::failed));
        } else if (fault instanceof ShortBody s) {
            byte[] part = rangeBytes(path, range, response);
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, s.keepBytes());
            response.write(true, ByteBuffer.wrap(part, 0, s.keepBytes()), callback);
        } else if (fault instanceof Unsatisfiable u) {
            response.setStatus(416);
            response.getHeaders().put(HttpHeader.CONTENT_RANGE, "bytes */" + u.total());
            response.write(true, null, callback);
        } else if (fault instanceof IgnoreRange) {
            byte[] whole = Files.readAllBytes(file(path));
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, whole.length);
            response.write(true, ByteBuffer.wrap(whole), callback);
        }
        return true;
    }

    private Fault nextFault(String key) {
        Deque<Fault> script = scripts.get(key);
        if (script == null) {
            return null;
        }
        synchronized (script) {
            return script.poll();
        }
    }

    /** Sets a 206 status and Content-Range for the requested range and returns its bytes. */
    private byte[] rangeBytes(String path, String rangeHeader, Response response) throws IOException {
        byte[] whole = Files.readAllBytes(file(path));
        Matcher m = RANGE.matcher(rangeHeader == null ? "" : rangeHeader);
        if (!m.matches()) {
            throw new IllegalStateException("fault needs a bytes=a-b Range header, got " + rangeHeader);
        }
        int first = Integer.parseInt(m.group(1));
        int last = (int) Math.min(Long.parseLong(m.group(2)), whole.length - 1L); // a range past the end stops there
        response.setStatus(206);
        response.getHeaders().put(HttpHeader.CONTENT_RANGE, "bytes " + first + "-" + last + "/" + whole.length);
        byte[] part = new byte[last - first + 1];
        System.arraycopy(whole, first, part, 0, part.length);
        return part;
    }

    private Path file(String path) {
        return root.resolve(path.substring(1));
    }

    private static void abort(Request request, Callback callback) {
        request.getConnectionMetaData().getConnection().getEndPoint().close();
        callback.failed(new IOException("injected connection reset"));
    }

    private static String key(String method, String path) {
        return method + " " + path;
    }
}
