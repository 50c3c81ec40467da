package dev.stacstream.stac.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A loopback HTTP server whose answers a test scripts: a function from each {@link Received} request to a
 * {@link Reply}. Used for what no recording shows: persistent 500s, 429 with {@code Retry-After}, malformed JSON,
 * GET paging by {@code token}/{@code page}/{@code startRecord}, {@code merge} bodies.
 */
public final class ScriptedServer extends LoopbackServer {

    /** A scripted response. */
    public record Reply(int status, Map<String, String> headers, String body) {

        /** 200 with a JSON body. */
        public static Reply json(String body) {
            return new Reply(200, Map.of("Content-Type", "application/json"), body);
        }

        /** {@code status} with a JSON body. */
        public static Reply status(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json"), body);
        }
    }

    private ScriptedServer(ScriptHandler handler) {
        super(handler);
        handler.server = this;
    }

    /** Starts a server answering with {@code script}, which runs on Jetty's threads. */
    public static ScriptedServer start(Function<Received, Reply> script) {
        return new ScriptedServer(new ScriptHandler(script));
    }

    private static final class ScriptHandler extends Handler.Abstract {
        private final Function<Received, Reply> script;
        private ScriptedServer server;

        ScriptHandler(Function<Received, Reply> script) {
            this.script = script;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws IOException {
            String body = Content.Source.asString(request, StandardCharsets.UTF_8);
            Received received = Received.of(request, body);
            server.record(received);
            Reply reply = script.apply(received);
            response.setStatus(reply.status());
            reply.headers().forEach((name, value) -> response.getHeaders().put(name, value));
            response.write(true, ByteBuffer.wrap(reply.body().getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        }
    }
}
