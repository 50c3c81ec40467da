package dev.stacstream.storage.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback TCP proxy in front of an S3 server that counts requests per method, records request heads, and plays
 * back scripted faults (S3 error responses, resets, bodies cut short) before forwarding requests unchanged.
 *
 * <p>It works below HTTP signing: request bytes pass through as sent (the {@code Host} header the client signed stays
 * intact), except that {@code Connection: close} is set, which SigV4 does not sign, so that every connection carries
 * one exchange and the response ends where the backend closes. One thread per connection; all sockets time out.
 */
final class FaultInjectingProxy implements AutoCloseable {

    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final int SOCKET_TIMEOUT_MILLIS = 10_000;
    private static final byte[] END_OF_HEAD = {'\r', '\n', '\r', '\n'};

    /** What to do with one request. */
    sealed interface Fault {}

    /** Answer with an S3 error document. */
    record S3Error(int status, String reason, String code, String message) implements Fault {}

    /**
     * Answer 416 {@code InvalidRange} as AWS S3 does for a range that starts at or after the end of the object: the
     * error document names the object's size (s3proxy's own 416 does not).
     */
    record InvalidRange(long actualObjectSize) implements Fault {}

    /** Close the connection with a TCP reset before answering. */
    record Reset() implements Fault {}

    /** Forward, but pass on only the response head and {@code keepBytes} of the body, then close. */
    record CutBody(int keepBytes) implements Fault {}

    private final int backendPort;
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "s3-fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Deque<Fault>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private final List<String> heads = new ArrayList<>();

    FaultInjectingProxy(int backendPort) throws IOException {
        this.backendPort = backendPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    /** The proxy's endpoint, for {@code StorageOptions.s3Endpoint}. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Queues {@code fault} {@code times} times for requests with {@code method} (any path). */
    void inject(String method, Fault fault, int times) {
        Deque<Fault> script = scripts.computeIfAbsent(method, m -> new ArrayDeque<>());
        synchronized (script) {
            for (int i = 0; i < times; i++) {
                script.add(fault);
            }
        }
    }

    /** Drops every queued fault and resets the counters and recorded heads. */
    void reset() {
        scripts.clear();
        counts.clear();
        synchronized (heads) {
            heads.clear();
        }
    }

    /** Requests received so far with {@code method}, faulted or not. */
    int requests(String method) {
        return counts.getOrDefault(method, 0);
    }

    /** The request heads received so far (request line and headers), in arrival order. */
    List<String> heads() {
        synchronized (heads) {
            return List.copyOf(heads);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.execute(() -> handle(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            client.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
            InputStream in = client.getInputStream();
            byte[] head = readHead(in);
            if (head == null) {
                return; // connection opened and closed without a request
            }
            String headText = new String(head, StandardCharsets.ISO_8859_1);
            String method = headText.substring(0, headText.indexOf(' '));
            byte[] body = in.readNBytes(contentLength(headText));
            counts.merge(method, 1, Integer::sum);
            synchronized (heads) {
                heads.add(headText);
            }
            Fault fault = nextFault(method);
            if (fault instanceof S3Error error) {
                writeError(client.getOutputStream(), error, "");
            } else if (fault instanceof InvalidRange invalid) {
                writeError(client.getOutputStream(),
                        new S3Error(416, "Requested Range Not Satisfiable", "InvalidRange",
                                "The requested range is not satisfiable"),
                        "<RangeRequested>" + header(headText, "range") + "</RangeRequested><ActualObjectSize>"
                                + invalid.actualObjectSize() + "</ActualObjectSize>");
            } else if (fault instanceof Reset) {
                client.setSoLinger(true, 0); // close() now sends RST
            } else {
                forward(headText, body, client.getOutputStream(), fault instanceof CutBody c ? c.keepBytes() : -1);
            }
        } catch (IOException e) {
            // The client gave up (e.g. after a cut body); nothing to forward anymore.
        }
    }

    private void forward(String head, byte[] body, OutputStream toClient, int keepBodyBytes) throws IOException {
        try (Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort)) {
            backend.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
            OutputStream toBackend = backend.getOutputStream();
            toBackend.write(withConnectionClose(head).getBytes(StandardCharsets.ISO_8859_1));
            toBackend.write(body);
            toBackend.flush();
            InputStream fromBackend = backend.getInputStream();
            if (keepBodyBytes < 0) {
                fromBackend.transferTo(toClient);
            } else {
                byte[] responseHead = readHead(fromBackend);
                toClient.write(responseHead);
                toClient.write(fromBackend.readNBytes(keepBodyBytes));
            }
            toClient.flush();
        }
    }

    /** Writes an S3 error document; {@code extraElements} go after the message, as S3 places them. */
    private static void writeError(OutputStream out, S3Error error, String extraElements) throws IOException {
        byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + error.code() + "</Code><Message>"
                + error.message() + "</Message>" + extraElements + "<RequestId>fault-injection</RequestId></Error>")
                .getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + error.status() + " " + error.reason() + "\r\n"
                + "Content-Type: application/xml\r\n"
                + "Content-Length: " + xml.length + "\r\n"
                + "x-amz-request-id: fault-injection\r\n"
                + "Connection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(xml);
        out.flush();
    }

    private Fault nextFault(String method) {
        Deque<Fault> script = scripts.get(method);
        if (script == null) {
            return null;
        }
        synchronized (script) {
            return script.poll();
        }
    }

    /** Reads up to and including the blank line that ends an HTTP head; null on EOF before any byte. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < END_OF_HEAD.length) {
            int b = in.read();
            if (b < 0) {
                if (head.size() == 0) {
                    return null;
                }
                throw new IOException("connection closed inside an HTTP head");
            }
            head.write(b);
            matched = b == END_OF_HEAD[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > MAX_HEAD_BYTES) {
                throw new IOException("HTTP head longer than " + MAX_HEAD_BYTES + " bytes");
            }
        }
        return head.toByteArray();
    }

    private static int contentLength(String head) {
        String value = header(head, "content-length");
        return value == null ? 0 : Integer.parseInt(value);
    }

    /** The value of header {@code lowerCaseName} in a request head, or {@code null}. */
    private static String header(String head, String lowerCaseName) {
        String prefix = lowerCaseName + ":";
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return line.substring(prefix.length()).trim();
            }
        }
        return null;
    }

    private static String withConnectionClose(String head) {
        StringBuilder out = new StringBuilder();
        for (String line : head.split("\r\n")) {
            if (!line.isEmpty() && !line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
                out.append(line).append("\r\n");
            }
        }
        return out.append("Connection: close\r\n\r\n").toString();
    }
}
