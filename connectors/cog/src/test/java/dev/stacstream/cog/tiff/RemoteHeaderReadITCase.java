package dev.stacstream.cog.tiff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.cog.CogFile;
import dev.stacstream.cog.testing.Prerequisites;
import dev.stacstream.cog.testing.TestCorpus;
import dev.stacstream.storage.CountingRangeReader;
import dev.stacstream.storage.RangeReader;
import dev.stacstream.storage.RangeReaders;
import dev.stacstream.storage.S3Credentials;
import dev.stacstream.storage.SharedClients;
import dev.stacstream.storage.StorageOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The promise that reading a remote TIFF's header costs one ranged request, checked where the requests arrive: at a
 * loopback Jetty server (a handler in front of its {@code ResourceHandler} counts them) and at an in-process s3proxy
 * (a blob store wrapper counts the object reads and metadata lookups it serves).
 *
 * <p>Two files: the repository's GDAL COG fixture, whose IFDs all lie within the header read-ahead, and a corpus TIFF
 * smaller than the read-ahead, whose single request must stop at the end of the file without a size lookup first.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RemoteHeaderReadITCase {

    private static final Path COG_FIXTURE = Path.of(System.getProperty("stacstream.root", "../.."))
            .resolve("test-data/cog/s2like_b04_uint16_deflate_pred2_tile256_1000x1000.tif").toAbsolutePath().normalize();
    private static final String SMALL_TIFF_IN_CORPUS = "rasters/geotiff/rasterio/byte.tif";
    private static final String BUCKET = "remote-headers";
    private static final String ACCESS_KEY = "access";
    private static final String SECRET_KEY = "secret";
    private static final long STARTUP_TIMEOUT_MILLIS = 30_000;

    /** How a file is reached. */
    enum Backend { HTTP, S3 }

    /** A file to serve and what its header holds. */
    enum Served {
        GDAL_COG(3, 1_000, 1_000, 3),
        SMALL_CORPUS_TIFF(1, 20, 20, 1);

        final int ifds;
        final int width;
        final int height;
        final int levels;

        Served(int ifds, int width, int height, int levels) {
            this.ifds = ifds;
            this.width = width;
            this.height = height;
            this.levels = levels;
        }

        /** The file in place (never copied), or a skipped (failed on CI) test when the shared corpus is missing. */
        Path file() {
            if (this == GDAL_COG) {
                return COG_FIXTURE;
            }
            Path file = smallCorpusTiff();
            Prerequisites.require(Files.isRegularFile(file), "corpus file " + SMALL_TIFF_IN_CORPUS + " not found at "
                    + file + " (set -D" + TestCorpus.SHARED_PROPERTY + "=<dir holding test-corpus/>)");
            return file;
        }

        String fileName() {
            return file().getFileName().toString();
        }
    }

    private static Server jetty;
    private static RequestCounter httpRequests;
    private static String baseUrl;
    private static S3Proxy s3;
    private static CountingBlobStore s3Requests;
    private static SharedClients clients;

    @BeforeAll
    static void startServers() throws Exception {
        List<Path> files = new ArrayList<>(List.of(COG_FIXTURE));
        if (Files.isRegularFile(smallCorpusTiff())) {
            files.add(smallCorpusTiff());
        }
        startJetty(files);
        startS3(files);
        clients = new SharedClients();
    }

    @AfterAll
    static void stopServers() throws Exception {
        clients.close();
        jetty.stop();
        s3.stop();
    }

    @BeforeEach
    void resetCounters() {
        httpRequests.reset();
        s3Requests.reset();
    }

    static Stream<Arguments> backendsAndFiles() {
        return Stream.of(Backend.values())
                .flatMap(backend -> Stream.of(Served.values()).map(served -> Arguments.of(backend, served)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("backendsAndFiles")
    void parsingTheHeaderIsOneRequestAtTheServer(Backend backend, Served served) throws IOException {
        long fileSize = Files.size(served.file());
        try (CountingRangeReader reader = new CountingRangeReader(open(backend, served))) {
            TiffStructure structure = TiffParser.parse(reader);

            assertThat(structure.ifds()).hasSize(served.ifds);
            assertThat(structure.headerRequests()).isEqualTo(1);
            assertThat(structure.headerBytes()).isEqualTo(Math.min(fileSize, TiffParser.DEFAULT_READAHEAD_BYTES));
            assertThat(reader.stats().requests()).isEqualTo(1);
            assertThat(reader.stats().metadataRequests()).isZero();
        }
        assertServerSawOneRead(backend, served);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("backendsAndFiles")
    void openingTheCogIsOneRequestAtTheServer(Backend backend, Served served) {
        try (RangeReader reader = open(backend, served); CogFile cog = CogFile.open(reader)) {
            assertThat(cog.levels()).hasSize(served.levels);
            assertThat(cog.level(0).width()).isEqualTo(served.width);
            assertThat(cog.level(0).height()).isEqualTo(served.height);
        }
        assertServerSawOneRead(backend, served);
    }

    private static void assertServerSawOneRead(Backend backend, Served served) {
        String name = served.fileName();
        if (backend == Backend.HTTP) {
            assertThat(httpRequests.count("GET", "/" + name)).as("GET requests Jetty served").isEqualTo(1);
            assertThat(httpRequests.total()).as("requests Jetty saw").isEqualTo(1);
        } else {
            assertThat(s3Requests.objectReads(name)).as("GetObject requests s3proxy served").isEqualTo(1);
            assertThat(s3Requests.total()).as("object reads and metadata lookups s3proxy saw").isEqualTo(1);
        }
    }

    private static RangeReader open(Backend backend, Served served) {
        return backend == Backend.HTTP
                ? RangeReaders.open(baseUrl + "/" + served.fileName(), options(), clients)
                : RangeReaders.open("s3://" + BUCKET + "/" + served.fileName(), options(), clients);
    }

    /** Every S3 setting explicit, so AWS_* variables of the machine running the tests cannot change them. */
    private static StorageOptions options() {
        return StorageOptions.builder()
                .s3Endpoint("http://127.0.0.1:" + s3.getPort())
                .s3PathStyle(true)
                .s3Region("us-east-1")
                .s3Anonymous(false)
                .s3RequesterPays(false)
                .s3Credentials(S3Credentials.of(ACCESS_KEY, SECRET_KEY))
                .requestTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** {@code ${stacstream.shared}/test-corpus/rasters/geotiff/rasterio/byte.tif}, existing or not. */
    private static Path smallCorpusTiff() {
        return Path.of(System.getProperty(TestCorpus.SHARED_PROPERTY, "../../../shared"), "test-corpus")
                .resolve(SMALL_TIFF_IN_CORPUS).toAbsolutePath().normalize();
    }

    /** Serves each file's directory at {@code /}: names do not collide, and nothing is copied. */
    private static void startJetty(List<Path> files) throws Exception {
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ResourceFactory resources = ResourceFactory.of(jetty);
        List<Resource> directories = files.stream().map(f -> resources.newResource(f.getParent())).toList();
        ResourceHandler handler = new ResourceHandler();
        handler.setBaseResource(ResourceFactory.combine(directories));
        handler.setDirAllowed(false);
        httpRequests = new RequestCounter(handler);
        jetty.setHandler(httpRequests);
        jetty.setStopTimeout(0);
        jetty.start();
        baseUrl = "http://127.0.0.1:" + connector.getLocalPort();
    }

    private static void startS3(List<Path> files) throws Exception {
        TransientNio2BlobStore store = new TransientNio2BlobStore();
        store.createContainer(BUCKET);
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            store.putBlob(PutObjectRequest.builder().bucket(BUCKET).key(file.getFileName().toString())
                    .contentLength((long) bytes.length).build(), new ByteArrayInputStream(bytes));
        }
        s3Requests = new CountingBlobStore(store);
        s3 = S3Proxy.builder().blobStore(s3Requests).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        s3.start();
        long deadline = System.currentTimeMillis() + STARTUP_TIMEOUT_MILLIS;
        while (!"STARTED".equals(s3.getState())) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("s3proxy did not start within " + STARTUP_TIMEOUT_MILLIS + " ms");
            }
            Thread.sleep(10);
        }
    }

    /** Counts every request that reaches Jetty, per method and path, before the resources are served. */
    private static final class RequestCounter extends Handler.Wrapper {
        private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

        RequestCounter(Handler served) {
            super(served);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            counts.computeIfAbsent(request.getMethod() + " " + request.getHttpURI().getPath(),
                    k -> new AtomicInteger()).incrementAndGet();
            return super.handle(request, response, callback);
        }

        int count(String method, String path) {
            AtomicInteger count = counts.get(method + " " + path);
            return count == null ? 0 : count.get();
        }

        int total() {
            return counts.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        void reset() {
            counts.clear();
        }
    }

    /**
     * Counts what s3proxy asks of its blob store: one object read per {@code GetObject}, one metadata lookup per
     * {@code HeadObject}.
     */
    private static final class CountingBlobStore extends ForwardingBlobStore {
        private final Map<String, AtomicInteger> objectReads = new ConcurrentHashMap<>();
        private final AtomicInteger metadataLookups = new AtomicInteger();

        CountingBlobStore(BlobStore delegate) {
            super(delegate);
        }

        @Override
        public ResponseInputStream<GetObjectResponse> getBlob(GetObjectRequest request) {
            objectReads.computeIfAbsent(request.key(), k -> new AtomicInteger()).incrementAndGet();
            return super.getBlob(request);
        }

        @Override
        public HeadObjectResponse blobMetadata(HeadObjectRequest request) {
            metadataLookups.incrementAndGet();
            return super.blobMetadata(request);
        }

        int objectReads(String key) {
            AtomicInteger count = objectReads.get(key);
            return count == null ? 0 : count.get();
        }

        int total() {
            return objectReads.values().stream().mapToInt(AtomicInteger::get).sum() + metadataLookups.get();
        }

        void reset() {
            objectReads.clear();
            metadataLookups.set(0);
        }
    }
}
