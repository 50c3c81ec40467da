package dev.stacstream.storage.s3;

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
import dev.stacstream.storage.S3Credentials;
import dev.stacstream.storage.SharedClients;
import dev.stacstream.storage.StorageException;
import dev.stacstream.storage.StorageOptions;
import dev.stacstream.storage.TransientStorageException;
import dev.stacstream.storage.TruncatedReadException;
import dev.stacstream.storage.s3.FaultInjectingProxy.CutBody;
import dev.stacstream.storage.s3.FaultInjectingProxy.Fault;
import dev.stacstream.storage.s3.FaultInjectingProxy.InvalidRange;
import dev.stacstream.storage.s3.FaultInjectingProxy.Reset;
import dev.stacstream.storage.s3.FaultInjectingProxy.S3Error;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The S3 backend against an in-process s3proxy 4.1 (in-memory blob store) on the loopback interface, with an
 * endpoint override and path-style addressing. A {@link FaultInjectingProxy} in front of s3proxy injects S3 errors,
 * resets and cut bodies, and counts the requests that really cross the wire (the SDK's own retries are off, so each
 * counted attempt is exactly one request).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class S3RangeReaderITCase {

    private static final String BUCKET = "stacstream";
    private static final String KEY = "cogs/band 4.tif";
    private static final String URI_OF_KEY = "s3://" + BUCKET + "/" + KEY;
    private static final String EMPTY_KEY = "cogs/empty.tif";
    private static final String ACCESS_KEY = "access";
    private static final String SECRET_KEY = "secret";
    private static final int OBJECT_LENGTH = 200_000;
    /** A header read-ahead as the COG reader sends it. */
    private static final int READ_AHEAD = 32 * 1024;
    private static final int MAX_ATTEMPTS = 4;
    private static final long FUTURE_TIMEOUT_SECONDS = 15;
    private static final long STARTUP_TIMEOUT_MILLIS = 30_000;
    private static final S3Error SLOW_DOWN = new S3Error(503, "Slow Down", "SlowDown", "Please reduce your request rate.");

    private static S3Proxy signedS3;
    private static S3Proxy anonymousS3;
    private static FaultInjectingProxy faults;
    private static FaultInjectingProxy anonymousFront;
    private static SharedClients clients;
    private static byte[] data;

    @BeforeAll
    static void startS3() throws Exception {
        data = new byte[OBJECT_LENGTH];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 17 + (i >> 10));
        }
        TransientNio2BlobStore store = new TransientNio2BlobStore();
        store.createContainer(BUCKET);
        store.putBlob(PutObjectRequest.builder().bucket(BUCKET).key(KEY).contentLength((long) data.length).build(),
                new ByteArrayInputStream(data));
        store.putBlob(PutObjectRequest.builder().bucket(BUCKET).key(EMPTY_KEY).contentLength(0L).build(),
                new ByteArrayInputStream(new byte[0]));
        signedS3 = start(S3Proxy.builder().blobStore(store).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .ignoreUnknownHeaders(true) // accept x-amz-request-payer, which s3proxy does not implement
                .build());
        anonymousS3 = start(S3Proxy.builder().blobStore(store).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.NONE, null, null).build());
        faults = new FaultInjectingProxy(signedS3.getPort());
        anonymousFront = new FaultInjectingProxy(anonymousS3.getPort());
        clients = new SharedClients();
    }

    @AfterAll
    static void stopS3() throws Exception {
        clients.close();
        faults.close();
        anonymousFront.close();
        signedS3.stop();
        anonymousS3.stop();
    }

    @BeforeEach
    void clearFaults() {
        faults.reset();
        anonymousFront.reset();
    }

    @ParameterizedTest(name = "[{0}, {1})")
    @CsvSource({"0, 1", "0, 200000", "65536, 131072", "199999, 200000", "1234, 98765"})
    void readsExactBytes(long start, long end) throws Exception {
        try (RangeReader reader = RangeReaders.open(URI_OF_KEY, direct(), clients)) {
            assertThat(bytes(reader.read(ByteRange.of(start, end)))).isEqualTo(slice(start, end));
        }
    }

    @Test
    void readAllReturnsExactBytesWithFewerRequests() throws Exception {
        List<ByteRange> ranges = List.of(
                ByteRange.of(150_000, 160_000),
                ByteRange.of(0, 10_000),
                ByteRange.of(10_500, 20_000),
                ByteRange.of(0, 10_000),
                ByteRange.of(100_000, 100_001));
        try (CountingRangeReader reader = new CountingRangeReader(RangeReaders.open(URI_OF_KEY, viaProxy(), clients))) {
            List<ByteBuffer> buffers = reader.readAll(ranges).get(FUTURE_TIMEOUT_SECONDS, TimeUnit.SECONDS);

            for (int i = 0; i < ranges.size(); i++) {
                ByteRange r = ranges.get(i);
                assertThat(bytes(buffers.get(i))).as("range %s", r).isEqualTo(slice(r.offset(), r.end()));
            }
            assertThat(reader.stats().requests()).isEqualTo(3);
        }
        assertThat(faults.requests("GET")).isEqualTo(3);
    }

    @Test
    void sizeComesFromHeadObject() throws Exception {
        try (RangeReader reader = RangeReaders.open(URI_OF_KEY, viaProxy(), clients)) {
            assertThat(reader.size().get(FUTURE_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(OBJECT_LENGTH);
            assertThat(reader.size().get(FUTURE_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(OBJECT_LENGTH);
        }
        assertThat(faults.requests("HEAD")).isEqualTo(1);
    }

    @Test
    void missingKeyIsNotFoundAndNotRetried() {
        String uri = "s3://" + BUCKET + "/missing.tif";
        try (RangeReader reader = RangeReaders.open(uri, viaProxy(), clients)) {
            NotFoundException e = failure(reader.read(ByteRange.of(0, 10)), NotFoundException.class);

            assertThat(e.getMessage()).startsWith(uri + " bytes [0, 10): HTTP 404 Not Found NoSuchKey");
            assertThat(e.attempts()).isEqualTo(1);
        }
        assertThat(faults.requests("GET")).isEqualTo(1);
    }

    @Test
    void missingBucketIsNotFound() {
        try (RangeReader reader = RangeReaders.open("s3://no-such-bucket/a.tif", direct(), clients)) {
            NotFoundException e = failure(reader.read(ByteRange.of(0, 10)), NotFoundException.class);

            assertThat(e.detail()).contains("NoSuchBucket");
        }
    }

    @Test
    void sizeOfAMissingKeyIsNotFound() {
        try (RangeReader reader = RangeReaders.open("s3://" + BUCKET + "/missing-size.tif", direct(), clients)) {
            NotFoundException e = failure(reader.size(), NotFoundException.class);

            assertThat(e.getMessage()).startsWith("s3://" + BUCKET + "/missing-size.tif: HTTP 404 Not Found");
        }
    }

    @Test
    void wrongSecretIsAccessDeniedAndNotRetried() {
        StorageOptions wrongSecret = viaProxy().toBuilder()
                .s3Credentials(S3Credentials.of(ACCESS_KEY, "not-the-secret")).build();
        try (RangeReader reader = RangeReaders.open(URI_OF_KEY, wrongSecret, clients)) {
            AccessDeniedException e = failure(reader.read(ByteRange.of(0, 10)), AccessDeniedException.class);

            assertThat(e.getMessage()).startsWith(URI_OF_KEY + " bytes [0, 10): HTTP 403 Forbidden");
            assertThat(e.attempts()).isEqualTo(1);
        }
        assertThat(faults.requests("GET")).isEqualTo(1);
    }

    @Test
    void rangePastTheEndIsATruncatedErrorThatIsNotRetried() {
        try (RangeReader reader = RangeReaders.open(URI_OF_KEY, viaProxy(), clients)) {
            TruncatedReadException e = failure(
                    reader.read(ByteRange.of(OBJECT_LENGTH - 5, OBJECT_LENGTH + 5)), TruncatedReadException.class);

            assertThat(e.getMessage()).isEqualTo(URI_OF_KEY + " bytes [199995, 200005): object has only 200000 bytes");
            assertThat(e.isRetryable()).isFalse();
        }
        assertThat(faults.requests("GET")).isEqualTo(1);
    }

    @Test
    void anonymousAccessSendsUnsignedRequests() throws Exception {
        StorageOptions anonymous = StorageOptions.builder()
                .s3Endpoint(anonymousFront.endpoint())
                .s3PathStyle(true)
                .s3Region("us-east-1")
                .s3Anonymous(true)
                .s3RequesterPays(false)
                .build();
        try (RangeReader reader = RangeReaders.open(URI_OF_KEY, anonymous, clients)) {
            assertThat(bytes(reader.read(ByteRange.of(500, 1_500)))).isEqualTo(slice(500, 1_500));
        }
        assertThat(anonymousFront.heads()).hasSize(1);
        assertThat(anonymousFront.heads().get(0).toLowerCase(Locale.ROOT)).doesNotContain("authorization:");
    }

    @Test
    void requesterPaysSendsTheRequestPayerHeader() throws Exception {
        StorageOptions requesterPays = viaProxy().toBuilder().s3RequesterPays(true).build();
        try (RangeReader reader = RangeReaders.open(URI_OF_KEY, requesterPays, clients)) {
            assertThat(bytes(reader.read(ByteRange.of(0, 100)))).isEqualTo(slice(0, 100));
        }
        assertThat(faults.heads()).singleElement()
                .satisfies(head -> assertThat(head.toLowerCase(Locale.ROOT)).contains("x-amz-request-payer: requester"));
    }

    static Stream<Arguments> transientFaults() {
        return Stream.of(
                Arguments.of("503 SlowDown twice", SLOW_DOWN, 2),
                Arguments.of("500 InternalError three times",
                        new S3Error(500, "Internal Server Error", "InternalError", "We encountered an internal error."),
                        3),
                Arguments.of("connection reset", new Reset(), 2),
                Arguments.of("body cut after 1000 bytes", new CutBody(1_000), 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transientFaults")
    void retriesTransientFailuresThenReturnsTheExactBytes(String name, Fault fault, int times) throws Exception {
        faults.inject("GET", fault, times);
        try (RangeReader reader = RangeReaders.open(URI_OF_KEY, viaProxy(), clients)) {
            assertThat(bytes(reader.read(ByteRange.of(20_000, 70_000)))).isEqualTo(slice(20_000, 70_000));
        }
        assertThat(faults.requests("GET")).isEqualTo(times + 1);
    }

    static Stream<Arguments> fatalFaults() {
        return Stream.of(
                Arguments.of(new S3Error(403, "Forbidden", "AccessDenied", "Access Denied"),
                        AccessDeniedException.class, "HTTP 403 Forbidden AccessDenied: Access Denied"),
                Arguments.of(new S3Error(404, "Not Found", "NoSuchKey", "The specified key does not exist."),
                        NotFoundException.class, "HTTP 404 Not Found NoSuchKey: The specified key does not exist."));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("fatalFaults")
    void fatalErrorsAreNotRetried(Fault fault, Class<? extends StorageException> type, String detail) {
        faults.inject("GET", fault, 10);
        try (RangeReader reader = RangeReaders.open(URI_OF_KEY, viaProxy(), clients)) {
            StorageException e = failure(reader.read(ByteRange.of(0, 10)), type);

            assertThat(e.getMessage()).isEqualTo(URI_OF_KEY + " bytes [0, 10): " + detail);
            assertThat(e.attempts()).isEqualTo(1);
        }
        assertThat(faults.requests("GET")).isEqualTo(1);
    }

    @Test
    void persistentSlowDownFailsAfterMaxAttemptsNamingUriAndRange() {
        faults.inject("GET", SLOW_DOWN, 10);
        try (RangeReader reader = RangeReaders.open(URI_OF_KEY, viaProxy(), clients)) {
            TransientStorageException e = failure(reader.read(ByteRange.of(100, 200)), TransientStorageException.class);

            assertThat(e.getMessage()).isEqualTo(URI_OF_KEY + " bytes [100, 200): "
                    + "HTTP 503 Service Unavailable SlowDown: Please reduce your request rate. after 4 attempts");
            assertThat(e.attempts()).isEqualTo(MAX_ATTEMPTS);
        }
        assertThat(faults.requests("GET")).isEqualTo(MAX_ATTEMPTS);
    }

    @Test
    void persistentlyCutBodyFailsAsTruncatedAfterMaxAttempts() {
        faults.inject("GET", new CutBody(1_000), 10);
        try (RangeReader reader = RangeReaders.open(URI_OF_KEY, viaProxy(), clients)) {
            TruncatedReadException e = failure(reader.read(ByteRange.of(0, 50_000)), TruncatedReadException.class);

            assertThat(e.getMessage())
                    .startsWith(URI_OF_KEY + " bytes [0, 50000): response body cut after 1000 of 50000 bytes: ")
                    .endsWith(" after 4 attempts");
            assertThat(e.bytesReceived()).isEqualTo(1_000);
            assertThat(e.isRetryable()).isTrue();
        }
        assertThat(faults.requests("GET")).isEqualTo(MAX_ATTEMPTS);
    }

    /**
     * s3proxy answers a range that starts at or after the end with a bare 416 {@code InvalidRange}; AWS S3 names the
     * object's size in it ({@link InvalidRange}), which saves the {@code HeadObject} of a later {@code size()}.
     */
    static Stream<Arguments> clampedReads() {
        return Stream.of(
                Arguments.of("object larger than the range", 20_000, 70_000, null, 0, 1, 0),
                Arguments.of("object ends inside the range", 190_000, 190_000 + READ_AHEAD, null, 0, 1, 0),
                Arguments.of("whole object smaller than the range", 0, 2 * OBJECT_LENGTH, null, 0, 1, 0),
                Arguments.of("offset exactly at the end", OBJECT_LENGTH, OBJECT_LENGTH + READ_AHEAD, null, 0, 1, 1),
                Arguments.of("offset past the end", OBJECT_LENGTH + 10, OBJECT_LENGTH + 20, null, 0, 1, 1),
                Arguments.of("offset at the end, InvalidRange naming the size", OBJECT_LENGTH,
                        OBJECT_LENGTH + READ_AHEAD, new InvalidRange(OBJECT_LENGTH), 1, 1, 0),
                Arguments.of("503 SlowDown twice, object ends inside", 190_000, 190_000 + READ_AHEAD,
                        SLOW_DOWN, 2, 3, 0),
                Arguments.of("503 SlowDown twice, offset at the end", OBJECT_LENGTH, OBJECT_LENGTH + READ_AHEAD,
                        SLOW_DOWN, 2, 3, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clampedReads")
    void readAtMostIsOneGetObjectThatStopsAtTheEndOfTheObject(String name, long start, long end, Fault fault,
            int faultTimes, int gets, int heads) throws Exception {
        if (fault != null) {
            faults.inject("GET", fault, faultTimes);
        }
        try (CountingRangeReader reader = new CountingRangeReader(RangeReaders.open(URI_OF_KEY, viaProxy(), clients))) {
            assertThat(bytes(reader.readAtMost(ByteRange.of(start, end)))).isEqualTo(slice(start, end));
            assertThat(reader.stats().requests()).isEqualTo(1);
            assertThat(reader.stats().bytesReceived()).isEqualTo(slice(start, end).length);

            assertThat(reader.size().get(FUTURE_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(OBJECT_LENGTH);
            assertThat(reader.stats().metadataRequests()).isEqualTo(heads);
        }
        // One GetObject at the server, plus one per retried fault.
        assertThat(faults.requests("GET")).isEqualTo(gets);
        assertThat(faults.requests("HEAD")).isEqualTo(heads);
        assertThat(faults.heads()).filteredOn(head -> head.startsWith("GET "))
                .allSatisfy(head -> assertThat(head.toLowerCase(Locale.ROOT))
                        .contains("range: bytes=" + start + "-" + (end - 1)));
    }

    @Test
    void readAtMostWithABodyShorterThanTheObjectAllowsIsATruncationNotAShortAnswer() {
        faults.inject("GET", new CutBody(1_000), 10);
        try (CountingRangeReader reader = new CountingRangeReader(RangeReaders.open(URI_OF_KEY, viaProxy(), clients))) {
            TruncatedReadException e = failure(
                    reader.readAtMost(ByteRange.of(190_000, 190_000 + READ_AHEAD)), TruncatedReadException.class);

            // The object ends at 200000, so the bytes due are [190000, 200000): 1000 of them arrived.
            assertThat(e.getMessage())
                    .startsWith(URI_OF_KEY + " bytes [190000, 200000): response body cut after 1000 of 10000 bytes: ")
                    .endsWith(" after 4 attempts");
            assertThat(e.bytesReceived()).isEqualTo(1_000);
            assertThat(e.isRetryable()).isTrue();
            assertThat(reader.stats().requests()).isEqualTo(1);
            assertThat(reader.stats().failedRequests()).isEqualTo(1);
        }
        assertThat(faults.requests("GET")).isEqualTo(MAX_ATTEMPTS);
    }

    @Test
    void readAtMostTakesAnInvalidRangeNamingASizePastTheOffsetAsAnError() {
        faults.inject("GET", new InvalidRange(OBJECT_LENGTH), 1);
        try (RangeReader reader = RangeReaders.open(URI_OF_KEY, viaProxy(), clients)) {
            BadRequestException e = failure(reader.readAtMost(ByteRange.of(0, READ_AHEAD)), BadRequestException.class);

            assertThat(e.getMessage()).isEqualTo(URI_OF_KEY + " bytes [0, 32768): "
                    + "HTTP 416 Range Not Satisfiable InvalidRange: The requested range is not satisfiable");
            assertThat(e.attempts()).isEqualTo(1);
        }
        assertThat(faults.requests("GET")).isEqualTo(1);
    }

    @Test
    void readAtMostWithAKnownSizeClampsTheRangeItselfOrSendsNothing() throws Exception {
        try (CountingRangeReader reader = new CountingRangeReader(RangeReaders.open(URI_OF_KEY, viaProxy(), clients))) {
            assertThat(reader.size().get(FUTURE_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(OBJECT_LENGTH);

            assertThat(bytes(reader.readAtMost(ByteRange.of(190_000, 190_000 + READ_AHEAD))))
                    .isEqualTo(slice(190_000, OBJECT_LENGTH));
            assertThat(bytes(reader.readAtMost(ByteRange.of(OBJECT_LENGTH, OBJECT_LENGTH + READ_AHEAD)))).isEmpty();

            assertThat(reader.stats())
                    .isEqualTo(new ReadStats(2, OBJECT_LENGTH - 190_000, 1, OBJECT_LENGTH - 190_000, 0, 1));
        }
        assertThat(faults.requests("HEAD")).isEqualTo(1);
        assertThat(faults.heads()).filteredOn(head -> head.startsWith("GET ")).singleElement()
                .satisfies(head -> assertThat(head.toLowerCase(Locale.ROOT)).contains("range: bytes=190000-199999"));
    }

    @Test
    void readAtMostOfAnEmptyObjectIsEmpty() throws Exception {
        String uri = "s3://" + BUCKET + "/" + EMPTY_KEY;
        try (CountingRangeReader reader = new CountingRangeReader(RangeReaders.open(uri, viaProxy(), clients))) {
            assertThat(bytes(reader.readAtMost(ByteRange.of(0, READ_AHEAD)))).isEmpty();
            assertThat(reader.stats().requests()).isEqualTo(1);
        }
        assertThat(faults.requests("GET")).isEqualTo(1);
    }

    /** Signed requests straight to s3proxy. */
    private static StorageOptions direct() {
        return signedOptions("http://127.0.0.1:" + signedS3.getPort());
    }

    /** Signed requests through the fault-injecting proxy. */
    private static StorageOptions viaProxy() {
        return signedOptions(faults.endpoint());
    }

    /** Every S3 setting explicit, so AWS_* variables of the machine running the tests cannot change them. */
    private static StorageOptions signedOptions(String endpoint) {
        return StorageOptions.builder()
                .s3Endpoint(endpoint)
                .s3PathStyle(true)
                .s3Region("us-east-1")
                .s3Anonymous(false)
                .s3RequesterPays(false)
                .s3Credentials(S3Credentials.of(ACCESS_KEY, SECRET_KEY))
                .retryPolicy(RetryPolicy.of(MAX_ATTEMPTS, Duration.ofMillis(1), Duration.ofMillis(20), 2.0))
                .requestTimeout(Duration.ofSeconds(10))
                .coalescing(1024, 1 << 20)
                .build();
    }

    private static S3Proxy start(S3Proxy proxy) throws Exception {
        proxy.start();
        long deadline = System.currentTimeMillis() + STARTUP_TIMEOUT_MILLIS;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("s3proxy did not start within " + STARTUP_TIMEOUT_MILLIS + " ms");
            }
            Thread.sleep(10);
        }
        return proxy;
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
