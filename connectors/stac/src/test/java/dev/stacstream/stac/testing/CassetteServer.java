package dev.stacstream.stac.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stacstream.stac.testing.Cassette.Interaction;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Replays a recorded STAC API session ({@link Cassette}) from a real HTTP server on loopback.
 *
 * <p>A request is answered with the recorded interaction of the same method, path, query and body (compared as JSON,
 * so member order does not matter): POST paging sends several requests to one {@code /search} URL that differ only
 * in their body's token. Response bodies have every recorded origin (e.g. {@code https://earth-search.aws.element84.com})
 * rewritten to this server's, so the {@code next} and {@code self} links a client follows lead back here. A request
 * nothing was recorded for is answered {@value #NO_RECORDING} with a JSON body saying so (and stays visible in
 * {@link #received()}), so a client that strays from the recorded session fails loudly.
 */
public final class CassetteServer extends LoopbackServer {

    /** Status of a request no interaction was recorded for (421 Misdirected Request: not retryable, distinctive). */
    public static final int NO_RECORDING = 421;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Cassette cassette;

    private CassetteServer(Cassette cassette, ReplayHandler handler) {
        super(handler);
        this.cassette = cassette;
        handler.server = this;
    }

    /** Starts a server replaying {@code cassette}. */
    public static CassetteServer replay(Cassette cassette) {
        return new CassetteServer(cassette, new ReplayHandler(cassette));
    }

    /** {@code recordedUrl} (e.g. {@code https://earth-search.aws.element84.com/v1}) as served here. */
    public String url(String recordedUrl) {
        return rewrite(recordedUrl);
    }

    public Cassette cassette() {
        return cassette;
    }

    private String rewrite(String text) {
        String result = text;
        for (String origin : cassette.origins()) {
            result = result.replace(origin, origin());
        }
        return result;
    }

    private static final class ReplayHandler extends Handler.Abstract {
        private final Cassette cassette;
        private CassetteServer server;

        ReplayHandler(Cassette cassette) {
            this.cassette = cassette;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws IOException {
            String method = request.getMethod();
            String path = request.getHttpURI().getPath();
            String query = request.getHttpURI().getQuery();
            String body = Content.Source.asString(request, StandardCharsets.UTF_8);
            server.record(Received.of(request, body));
            Optional<Interaction> match = match(method, path, query, body);
            if (match.isEmpty()) {
                String message = JSON.createObjectNode().put("code", "NoRecordedInteraction")
                        .put("description", "no interaction in " + cassette + " matches " + method + " " + path
                                + (query == null ? "" : "?" + query) + (body.isEmpty() ? "" : " with body " + body))
                        .toString();
                send(response, callback, NO_RECORDING, "application/json", message);
                return true;
            }
            Interaction recorded = match.get();
            send(response, callback, recorded.status(), header(recorded.responseHeaders(), "Content-Type"),
                    server.rewrite(recorded.responseBody()));
            return true;
        }

        private Optional<Interaction> match(String method, String path, String query, String body) {
            List<Interaction> candidates = cassette.interactions().stream()
                    .filter(i -> i.method().equalsIgnoreCase(method))
                    .filter(i -> path.equals(i.uri().getRawPath()))
                    .filter(i -> Objects.equals(query, i.uri().getRawQuery()))
                    .toList();
            JsonNode sent = json(body);
            return candidates.stream().filter(i -> Objects.equals(sent, json(i.requestBody()))).findFirst();
        }

        private static JsonNode json(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                return null;
            }
        }

        private static String header(Map<String, List<String>> headers, String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                    .map(e -> e.getValue().get(0))
                    .findFirst().orElse("application/json");
        }

        private static void send(Response response, Callback callback, int status, String type, String body) {
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
            response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        }
    }
}
