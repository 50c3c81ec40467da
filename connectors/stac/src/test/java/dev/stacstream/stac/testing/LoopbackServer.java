package dev.stacstream.stac.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A Jetty 12 server on {@code 127.0.0.1} (ephemeral port) around one handler, recording every request it sees.
 * The base of the test servers: cassette replay, scripted STAC API, static files.
 */
public class LoopbackServer implements AutoCloseable {

    /** A request as the server received it. */
    public record Received(String method, String path, String query, Map<String, String> headers, String body) {

        /** Captures a Jetty request whose body has been read into {@code body}. */
        static Received of(Request request, String body) {
            Map<String, String> headers = new LinkedHashMap<>();
            request.getHeaders().forEach(f -> headers.putIfAbsent(f.getName().toLowerCase(Locale.ROOT), f.getValue()));
            return new Received(request.getMethod(), request.getHttpURI().getPath(), request.getHttpURI().getQuery(),
                    Map.copyOf(headers), body == null || body.isEmpty() ? null : body);
        }

        /** A request header (case-insensitive name), or {@code null}. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** {@code "POST /v1/search"}, with {@code ?query} when there is one. */
        public String line() {
            return method + " " + path + (query == null ? "" : "?" + query);
        }
    }

    private final Server server;
    private final ServerConnector connector;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    protected LoopbackServer(Handler handler) {
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(handler);
        server.setStopTimeout(0);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start a loopback Jetty server", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String origin() {
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    /** Every request received so far, in arrival order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    protected void record(Received request) {
        received.add(request);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the loopback Jetty server", e);
        }
    }
}
