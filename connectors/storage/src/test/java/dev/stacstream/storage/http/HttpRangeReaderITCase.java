package dev.stacstream.storage.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stacstream.storage.AccessDeniedException;
import dev.stacstream.storage.BadRequestException;
import dev.stacstream.storage.ByteRange;
import dev.stacstream.storage.CountingRangeReader;
import dev.stacstream.storage.NotFoundException;
import dev.stacstream.storage.RangeReader;
import dev.stacstream.storage.RangeReaders;
import dev.stacstream.storage.ReadStats;
import dev.stacstream.storage.RetryPolicy;
import dev.stacstream.storage.SharedClients;
import dev.stacstream.storage.StorageException;
import dev.stacstream.storage.StorageOptions;
import dev.stacstream.storage.TransientStorageException;
import dev.stacstream.storage.TruncatedReadException;
import dev.stacstream.storage.http.FaultInjectingHandler.CutBody;
import dev.stacstream.storage.http.FaultInjectingHandler.Delay;
import dev.stacstream.storage.http.FaultInjectingHandler.Fault;
import dev.stacstream.storage.http.FaultInjectingHandler.IgnoreRange;
import dev.stacstream.storage.http.FaultInjectingHandler.Reset;
import dev.stacstream.storage.http.FaultInjectingHandler.ShortBody;
import dev.stacstream.storage.http.FaultInjectingHandler.Status;
import dev.stacstream.storage.http.FaultInjectingHandler.Unsatisfiable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The HTTP backend against a real Jetty 12 server on the loopback interface: Jetty's {@code ResourceHandler} serves
 * a temporary directory with Range support, and {@link FaultInjectingHandler} in front of it injects failures and
 * counts the requests that really reach the server.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpRangeReaderITCase {

    private static final int OBJECT_LENGTH = 64 * 1024;
    /** A header read-ahead as the COG reader sends it. */
    private static final int READ_AHEAD = 32 * 1024;
    private static final int MAX_ATTEMPTS = 4;
    private static final long FUTURE_TIMEOUT_SECONDS = 10;
    private static final StorageOptions OPTIONS = StorageOptions.builder()
            .retryPolicy(RetryPolicy.of(MAX_ATTEMPTS, Duration.ofMillis(1), Duration.ofMillis(20), 2.0))
            .requestTimeout(Duration.ofSeconds(5))
            .coalescing(1024, 1 << 20)
            .build();

    @TempDir
    static Path root;

    private static Server server;
    private static FaultInjectingHandler faults;
    private static SharedClients clients;
    private static String baseUrl;
    private static byte[] data;

    @BeforeAll
    static void startServer() throws Exception {
        data = new byte[OBJECT_LENGTH];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 131 + (i >> 8));
        }
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ResourceHandler resources = new ResourceHandler();
        resources.setBaseResource(ResourceFactory.of(server).newResource(root));
        resources.setDirAllowed(false);
        faults = new FaultInjectingHandler(resources, root);
        server.setHandler(faults);
        server.setStopTimeout(0); // stop at once, even with a delayed fault still pending
        server.start();
        baseUrl = "http://127.0.0.1:" + connector.getLocalPort();
        clients = new SharedClients();
    }

    @AfterAll
    static void stopServer() throws Exception {
        clients.close();
        server.stop();
    }

    @ParameterizedTest(name = "[{0}, {1})")
    @CsvSource({"0, 1", "0, 65536", "1000, 1001", "4096, 8192", "65535, 65536", "12345, 54321"})
    void readsExactBytes(long start, long end) throws Exception {
        String path = serve("exact.bin");
        try (RangeReader reader = open(path)) {
            assertThat(bytes(reader.read(ByteRange.of(start, end)))).isEqualTo(slice(start, end));
        }
    }

    static Stream<Arguments> transientFaults() {
        return Stream.of(
                Arguments.of("HTTP 500 twice", new Status(500, null), 2),
                Arguments.of("HTTP 503 three times", new Status(503, null), 3),
                Arguments.of("HTTP 429 with Retry-After", new Status(429, "1"), 1),
                Arguments.of("HTTP 503 with Retry-After", new Status(503, "2"), 2),
                Arguments.of("connection reset before the response", new Reset(), 2),
                Arguments.of("body cut mid-transfer", new CutBody(100), 2),
                Arguments.of("complete but short 206 body", new ShortBody(100), 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transientFaults")
    void retriesTransientFailuresThenReturnsTheExactBytes(String name, Fault fault, int times) throws Exception {
        String path = serve("transient-" + name.replaceAll("\\W+", "-") + ".bin");
        faults.inject("GET", path, fault, times);
        ByteRange range = ByteRange.of(1_000, 5_000);

        try (RangeReader reader = open(path)) {
            assertThat(bytes(reader.read(range))).isEqualTo(slice(1_000, 5_000));
        }
        assertThat(faults.requests("GET", path)).isBetween(times + 1, maxServerRequests(fault, times) + 1);
    }

    @Test
    void responseSlowerThanTheRequestTimeoutIsRetried() throws Exception {
        String path = serve("slow.bin");
        faults.inject("GET", path, new Delay(Duration.ofSeconds(6)), 1);
        StorageOptions impatient = OPTIONS.toBuilder().requestTimeout(Duration.ofMillis(1_500)).build();

        try (RangeReader reader = RangeReaders.open(baseUrl + path, impatient, clients)) {
            assertThat(bytes(reader.read(ByteRange.of(0, 10)))).isEqualTo(slice(0, 10));
        }
        assertThat(faults.requests("GET", path)).isEqualTo(2);
    }

    @Test
    void notFoundIsNotRetried() {
        String path = "/missing.bin";
        try (RangeReader reader = open(path)) {
            NotFoundException e = failure(reader.read(ByteRange.of(0, 100)), NotFoundException.class);

            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.getMessage()).isEqualTo(baseUrl + path + " bytes [0, 100): HTTP 404 Not Found");
        }
        assertThat(faults.requests("GET", path)).isEqualTo(1);
    }

    @Test
    void forbiddenIsNotRetried() throws Exception {
        String path = serve("forbidden.bin");
        faults.inject("GET", path, new Status(403, null), 10);
        try (RangeReader reader = open(path)) {
            AccessDeniedException e = failure(reader.read(ByteRange.of(0, 100)), AccessDeniedException.class);

            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.getMessage()).isEqualTo(baseUrl + path + " bytes [0, 100): HTTP 403 Forbidden");
        }
        assertThat(faults.requests("GET", path)).isEqualTo(1);
    }

    @Test
    void persistentServerErrorFailsAfterMaxAttemptsNamingUriAndRange() throws Exception {
        String path = serve("broken.bin");
        faults.inject("GET", path, new Status(500, null), 10);
        try (RangeReader reader = open(path)) {
            TransientStorageException e = failure(reader.read(ByteRange.of(200, 300)), TransientStorageException.class);

            assertThat(e.getMessage()).isEqualTo(
                    baseUrl + path + " bytes [200, 300): HTTP 500 Internal Server Error after 4 attempts");
            assertThat(e.attempts()).isEqualTo(MAX_ATTEMPTS);
            assertThat(e.uri()).isEqualTo(baseUrl + path);
            assertThat(e.range()).isEqualTo(ByteRange.of(200, 300));
            assertThat(e.getSuppressed()).hasSize(MAX_ATTEMPTS - 1);
        }
        assertThat(faults.requests("GET", path)).isEqualTo(MAX_ATTEMPTS);
    }

    static Stream<Arguments> persistentFaults() {
        return Stream.of(
                Arguments.of(new ShortBody(10), TruncatedReadException.class,
                        "response body ended after 10 of 100 bytes"),
                Arguments.of(new CutBody(10), TruncatedReadException.class, "response body cut after 10 of 100 bytes: "),
                Arguments.of(new Reset(), TransientStorageException.class, "I/O error: "),
                Arguments.of(new Status(503, "0"), TransientStorageException.class, "HTTP 503 Service Unavailable"),
                Arguments.of(new Status(429, null), TransientStorageException.class, "HTTP 429 Too Many Requests"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("persistentFaults")
    void persistentTransientFaultFailsAfterMaxAttemptsAndNeverReturnsFewerBytes(
            Fault fault, Class<? extends StorageException> type, String detail) throws Exception {
        String path = serve("persistent-" + fault.toString().replaceAll("\\W+", "-") + ".bin");
        faults.inject("GET", path, fault, 10);
        try (RangeReader reader = open(path)) {
            StorageException e = failure(reader.read(ByteRange.of(0, 100)), type);

            assertThat(e.detail()).startsWith(detail);
            assertThat(e.getMessage()).startsWith(baseUrl + path + " bytes [0, 100): ").endsWith(" after 4 attempts");
            assertThat(e.isRetryable()).isTrue();
            assertThat(e.attempts()).isEqualTo(MAX_ATTEMPTS);
        }
        assertThat(faults.requests("GET", path)).isBetween(MAX_ATTEMPTS, maxServerRequests(fault, MAX_ATTEMPTS));
    }

    /**
     * Server-side requests that {@code attempts} attempts can cause. The JDK client itself re-sends an idempotent
     * request once when a pooled keep-alive connection turns out to be closed before any response byte (a stale
     * connection), so a reset can reach the server twice per counted attempt; every other fault exactly once.
     */
    private static int maxServerRequests(Fault fault, int attempts) {
        return fault instanceof Reset ? 2 * attempts : attempts;
    }

    @Test
    void rangeEndingPastTheObjectIsATruncatedErrorThatIsNotRetried() throws Exception {
        String path = serve("past-end.bin");
        try (RangeReader reader = open(path)) {
            ByteRange range = ByteRange.of(OBJECT_LENGTH - 10, OBJECT_LENGTH + 10);
            TruncatedReadException e = failure(reader.read(range), TruncatedReadException.class);

            assertThat(e.getMessage()).isEqualTo(
                    baseUrl + path + " bytes [65526, 65546): object has only 65536 bytes");
            assertThat(e.isRetryable()).isFalse();
        }
        assertThat(faults.requests("GET", path)).isEqualTo(1);
    }

    @Test
    void rangeStartingPastTheObjectIsABadRequest() throws Exception {
        String path = serve("after-end.bin");
        try (RangeReader reader = open(path)) {
            BadRequestException e = failure(
                    reader.read(ByteRange.of(OBJECT_LENGTH + 10, OBJECT_LENGTH + 20)), BadRequestException.class);

            assertThat(e.detail()).isEqualTo("HTTP 416 Range Not Satisfiable");
            assertThat(e.attempts()).isEqualTo(1);
        }
    }

    @Test
    void readAllCoalescesNearbyRangesIntoFewerRealRequests() throws Exception {
        String path = serve("coalesce.bin");
        List<ByteRange> ranges = List.of(
                ByteRange.of(40_000, 41_000), // group 2
                ByteRange.of(0, 1_000), // group 1
                ByteRange.of(1_500, 3_000), // group 1: gap 500 <= 1024
                ByteRange.of(40_000, 41_000), // duplicate, group 2
                ByteRange.of(3_000, 4_000), // group 1: adjacent
                ByteRange.of(20_000, 20_100)); // alone: gap to both groups > 1024
        try (CountingRangeReader reader = new CountingRangeReader(open(path))) {
            List<ByteBuffer> buffers = reader.readAll(ranges).get(FUTURE_TIMEOUT_SECONDS, TimeUnit.SECONDS);

            for (int i = 0; i < ranges.size(); i++) {
                assertThat(bytes(buffers.get(i))).as("range %s", ranges.get(i))
                        .isEqualTo(slice(ranges.get(i).offset(), ranges.get(i).end()));
            }
            assertThat(reader.stats().requests()).isEqualTo(3);
            assertThat(reader.stats().bytesReceived()).isEqualTo(4_000 + 100 + 1_000);
        }
        assertThat(faults.requests("GET", path)).isEqualTo(3);
        assertThat(faults.rangeHeaders(path))
                .containsExactlyInAnyOrder("bytes=0-3999", "bytes=20000-20099", "bytes=40000-40999");
    }

    @Test
    void serverIgnoringRangeStillYieldsTheExactBytes() throws Exception {
        String path = serve("no-ranges.bin");
        faults.inject("GET", path, new IgnoreRange(), 2);
        try (RangeReader reader = open(path)) {
            assertThat(bytes(reader.read(ByteRange.of(30_000, 30_500)))).isEqualTo(slice(30_000, 30_500));
            assertThat(bytes(reader.read(ByteRange.of(0, 16)))).isEqualTo(slice(0, 16));
        }
        assertThat(faults.requests("GET", path)).isEqualTo(2);
    }

    static Stream<Arguments> clampedReads() {
        return Stream.of(
                Arguments.of("object larger than the range", 1_000, 5_000, null, 0, 1),
                Arguments.of("object ends inside the range", 60_000, 60_000 + READ_AHEAD, null, 0, 1),
                Arguments.of("whole object smaller than the range", 0, 2 * OBJECT_LENGTH, null, 0, 1),
                Arguments.of("offset exactly at the end", OBJECT_LENGTH, OBJECT_LENGTH + READ_AHEAD, null, 0, 1),
                Arguments.of("offset past the end", OBJECT_LENGTH + 10, OBJECT_LENGTH + 20, null, 0, 1),
                Arguments.of("server ignores Range, object larger", 1_000, 5_000, new IgnoreRange(), 1, 1),
                Arguments.of("server ignores Range, object ends inside", 60_000, 60_000 + READ_AHEAD,
                        new IgnoreRange(), 1, 1),
                Arguments.of("server ignores Range, offset at the end", OBJECT_LENGTH, OBJECT_LENGTH + READ_AHEAD,
                        new IgnoreRange(), 1, 1),
                Arguments.of("HTTP 503 twice, object ends inside", 60_000, 60_000 + READ_AHEAD,
                        new Status(503, null), 2, 3),
                Arguments.of("HTTP 503 twice, offset at the end", OBJECT_LENGTH, OBJECT_LENGTH + READ_AHEAD,
                        new Status(503, null), 2, 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clampedReads")
    void readAtMostIsOneRequestThatStopsAtTheEndOfTheObject(String name, long start, long end, Fault fault,
            int faultTimes, int serverRequests) throws Exception {
        String path = serve("at-most-" + name.replaceAll("\\W+", "-") + ".bin");
        if (fault != null) {
            faults.inject("GET", path, fault, faultTimes);
        }
        try (CountingRangeReader reader = new CountingRangeReader(open(path))) {
            assertThat(bytes(reader.readAtMost(ByteRange.of(start, end)))).isEqualTo(slice(start, end));
            // The response told the object's size, so asking for it costs nothing.
            assertThat(reader.size().get(FUTURE_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(OBJECT_LENGTH);

            assertThat(reader.stats().requests()).isEqualTo(1);
            assertThat(reader.stats().metadataRequests()).isZero();
            assertThat(reader.stats().bytesReceived()).isEqualTo(slice(start, end).length);
        }
        // One request at the server, plus one per retried fault.
        assertThat(faults.requests("GET", path)).isEqualTo(serverRequests);
        assertThat(faults.requests("HEAD", path)).isZero();
        assertThat(faults.rangeHeaders(path)).containsOnly("bytes=" + start + "-" + (end - 1));
    }

    static Stream<Arguments> clampedReadsCutShort() {
        return Stream.of(
                Arguments.of(new CutBody(100), "response body cut after 100 of 5536 bytes: "),
                Arguments.of(new ShortBody(100), "response body ended after 100 of 5536 bytes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clampedReadsCutShort")
    void readAtMostWithABodyShorterThanTheObjectAllowsIsATruncationNotAShortAnswer(Fault fault, String detail)
            throws Exception {
        String path = serve("at-most-cut-" + fault.toString().replaceAll("\\W+", "-") + ".bin");
        faults.inject("GET", path, fault, 10);
        try (CountingRangeReader reader = new CountingRangeReader(open(path))) {
            TruncatedReadException e = failure(
                    reader.readAtMost(ByteRange.of(60_000, 60_000 + READ_AHEAD)), TruncatedReadException.class);

            // The object ends at 65536, so the bytes due are [60000, 65536): 100 of them arrived.
            assertThat(e.range()).isEqualTo(ByteRange.of(60_000, OBJECT_LENGTH));
            assertThat(e.detail()).startsWith(detail);
            assertThat(e.bytesReceived()).isEqualTo(100);
            assertThat(e.isRetryable()).isTrue();
            assertThat(e.attempts()).isEqualTo(MAX_ATTEMPTS);
            assertThat(reader.stats().requests()).isEqualTo(1);
            assertThat(reader.stats().failedRequests()).isEqualTo(1);
        }
        assertThat(faults.requests("GET", path)).isEqualTo(MAX_ATTEMPTS);
    }

    static Stream<Arguments> unconfirmed416s() {
        return Stream.of(
                Arguments.of("without Content-Range", new Status(416, null)),
                Arguments.of("with a total past the offset", new Unsatisfiable(OBJECT_LENGTH)));
    }

    /** A 416 means "nothing there" only when its {@code bytes *&#47;total} says the object ends before the range. */
    @ParameterizedTest(name = "416 {0}")
    @MethodSource("unconfirmed416s")
    void readAtMostTakesA416ThatDoesNotConfirmTheEndAsAnError(String name, Fault fault) throws Exception {
        String path = serve("at-most-416-" + name.replaceAll("\\W+", "-") + ".bin");
        faults.inject("GET", path, fault, 1);
        try (RangeReader reader = open(path)) {
            BadRequestException e = failure(reader.readAtMost(ByteRange.of(0, READ_AHEAD)), BadRequestException.class);

            assertThat(e.getMessage()).isEqualTo(baseUrl + path + " bytes [0, 32768): HTTP 416 Range Not Satisfiable");
        }
        assertThat(faults.requests("GET", path)).isEqualTo(1);
    }

    @Test
    void readAtMostWithAKnownSizeClampsTheRangeItselfOrSendsNothing() throws Exception {
        String path = serve("at-most-known-size.bin");
        try (CountingRangeReader reader = new CountingRangeReader(open(path))) {
            assertThat(reader.size().get(FUTURE_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(OBJECT_LENGTH);

            assertThat(bytes(reader.readAtMost(ByteRange.of(60_000, 60_000 + READ_AHEAD))))
                    .isEqualTo(slice(60_000, OBJECT_LENGTH));
            assertThat(bytes(reader.readAtMost(ByteRange.of(OBJECT_LENGTH, OBJECT_LENGTH + READ_AHEAD)))).isEmpty();

            assertThat(reader.stats()).isEqualTo(new ReadStats(2, OBJECT_LENGTH - 60_000, 1, OBJECT_LENGTH - 60_000, 0, 1));
        }
        assertThat(faults.requests("HEAD", path)).isEqualTo(1);
        assertThat(faults.rangeHeaders(path)).containsExactly("bytes=60000-65535");
    }

    @Test
    void sizeComesFromHeadOnceAndIsCached() throws Exception {
        String path = serve("size.bin");
        try (RangeReader reader = open(path)) {
            assertThat(reader.size().get(FUTURE_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(OBJECT_LENGTH);
            assertThat(reader.size().get(FUTURE_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(OBJECT_LENGTH);
        }
        assertThat(faults.requests("HEAD", path)).isEqualTo(1);
    }

    @Test
    void sizeFallsBackToARangedGetWhenHeadIsRefused() throws Exception {
        String path = serve("no-head.bin");
        faults.inject("HEAD", path, new Status(405, null), 1);
        try (RangeReader reader = open(path)) {
            assertThat(reader.size().get(FUTURE_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(OBJECT_LENGTH);
        }
        assertThat(faults.requests("HEAD", path)).isEqualTo(1);
        assertThat(faults.rangeHeaders(path)).containsExactly("bytes=0-0");
    }

    @Test
    void sizeOfAMissingObjectIsNotFound() {
        try (RangeReader reader = open("/missing-size.bin")) {
            NotFoundException e = failure(reader.size(), NotFoundException.class);

            assertThat(e.getMessage()).isEqualTo(baseUrl + "/missing-size.bin: HTTP 404 Not Found");
        }
    }

    @Test
    void connectionRefusedIsTransientAndRetried() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/nothing.bin";
        try (RangeReader reader = RangeReaders.open(url, OPTIONS, clients)) {
            TransientStorageException e = failure(reader.read(ByteRange.of(0, 1)), TransientStorageException.class);

            assertThat(e.attempts()).isEqualTo(MAX_ATTEMPTS);
            assertThat(e.getMessage()).startsWith(url + " bytes [0, 1): I/O error: ConnectException");
        }
    }

    private static RangeReader open(String path) {
        return RangeReaders.open(baseUrl + path, OPTIONS, clients);
    }

    /** Writes the test object under {@code name} and returns its URL path. */
    private static String serve(String name) throws IOException {
        Files.write(root.resolve(name), data);
        return "/" + name;
    }

    /** The object's bytes in {@code [start, end)}, clamped to its end (empty past it). */
    private static byte[] slice(long start, long end) {
        return Arrays.copyOfRange(data, (int) Math.min(start, data.length), (int) Math.min(end, data.length));
    }

    private static byte[] bytes(CompletableFuture<ByteBuffer> future) throws Exception {
        return bytes(future.get(FUTURE_TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    private static <E extends StorageException> E failure(CompletableFuture<?> future, Class<E> type) {
        ExecutionException e = catchThrowableOfType(ExecutionException.class,
                () -> future.get(FUTURE_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertThat(e).as("expected a failed future").isNotNull();
        assertThat(e.getCause()).isInstanceOf(type);
        return type.cast(e.getCause());
    }
}
