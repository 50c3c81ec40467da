package dev.stacstream.stac.testing;

import java.nio.file.Path;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;

/** Serves a directory over HTTP on loopback (Jetty's {@code ResourceHandler}: HEAD, ranges), recording requests. */
public final class FileServer extends LoopbackServer {

    private FileServer(RecordingHandler handler) {
        super(handler);
        handler.server = this;
    }

    /** Starts serving {@code root}: {@code <origin>/a/b.json} is {@code root/a/b.json}. */
    public static FileServer serve(Path root) {
        ResourceHandler resources = new ResourceHandler();
        resources.setBaseResource(ResourceFactory.root().newResource(root));
        resources.setDirAllowed(false);
        return new FileServer(new RecordingHandler(resources));
    }

    private static final class RecordingHandler extends Handler.Wrapper {
        private FileServer server;

        RecordingHandler(Handler next) {
            super(next);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            server.record(Received.of(request, null));
            return super.handle(request, response, callback);
        }
    }
}
