package dev.stacstream.stac.testing;

import dev.stacstream.storage.RetryPolicy;
import dev.stacstream.storage.S3Credentials;
import dev.stacstream.storage.StorageOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * An in-process s3proxy (in-memory blob store) on loopback, with signed (AWS v4) requests, for reading static
 * catalogs through the S3 backend of the storage module exactly as from AWS.
 */
public final class S3ProxyServer implements AutoCloseable {

    private static final String ACCESS_KEY = "access";
    private static final String SECRET_KEY = "secret";
    private static final long STARTUP_TIMEOUT_MILLIS = 30_000;
    private static final long STARTUP_POLL_MILLIS = 10;

    private final TransientNio2BlobStore store = new TransientNio2BlobStore();
    private final S3Proxy proxy;

    private S3ProxyServer() throws Exception {
        proxy = S3Proxy.builder().blobStore(store).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .ignoreUnknownHeaders(true)
                .build();
        proxy.start();
        long deadline = System.currentTimeMillis() + STARTUP_TIMEOUT_MILLIS;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("s3proxy did not start within " + STARTUP_TIMEOUT_MILLIS + " ms");
            }
            Thread.sleep(STARTUP_POLL_MILLIS);
        }
    }

    public static S3ProxyServer start() {
        try {
            return new S3ProxyServer();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start s3proxy", e);
        }
    }

    /** Uploads every file under {@code dir} to {@code bucket} (created), keyed {@code prefix + relative path}. */
    public void upload(Path dir, String bucket, String prefix) {
        store.createContainer(bucket);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        for (Path file : files) {
            String key = prefix + dir.relativize(file).toString().replace('\\', '/');
            try {
                byte[] bytes = Files.readAllBytes(file);
                store.putBlob(PutObjectRequest.builder().bucket(bucket).key(key).contentLength((long) bytes.length)
                        .build(), new ByteArrayInputStream(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot upload " + file, e);
            }
        }
    }

    /** Storage options that reach this server (path-style, static credentials, quick retries). */
    public StorageOptions options() {
        return StorageOptions.builder()
                .s3Endpoint("http://127.0.0.1:" + proxy.getPort())
                .s3PathStyle(true)
                .s3Region("us-east-1")
                .s3Anonymous(false)
                .s3RequesterPays(false)
                .s3Credentials(S3Credentials.of(ACCESS_KEY, SECRET_KEY))
                .retryPolicy(RetryPolicy.of(2, Duration.ofMillis(1), Duration.ofMillis(10), 2.0))
                .build();
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop s3proxy", e);
        }
    }
}
