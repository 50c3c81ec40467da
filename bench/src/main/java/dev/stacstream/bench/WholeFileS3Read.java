package dev.stacstream.bench;

import dev.stacstream.cog.CogFile;
import dev.stacstream.cog.plan.BlockPlanner;
import dev.stacstream.cog.plan.BlockRef;
import dev.stacstream.cog.tiff.ImageLayout;
import dev.stacstream.storage.CountingRangeReader;
import dev.stacstream.storage.RangeReader;
import dev.stacstream.storage.RangeReaders;
import dev.stacstream.storage.ReadStats;
import dev.stacstream.storage.S3Credentials;
import dev.stacstream.storage.StorageOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * Bytes and requests to read a whole COG through the S3 path: an in-process s3proxy on loopback serves the
 * file, {@link CogFile} reads every full-resolution block through a {@link CountingRangeReader} over the S3
 * range reader, and the figures are reported as ratios to the blocks' own bytes and to the file size.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar dev.stacstream.bench.WholeFileS3Read FILE.tif [runs]}.
 * Byte and request counts are exact and repeatable; the wall times are informational (same session only).
 */
public final class WholeFileS3Read {

    private static final String BUCKET = "bench";
    private static final String ACCESS = "access";
    private static final String SECRET = "secret";

    private WholeFileS3Read() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: WholeFileS3Read FILE.tif [runs]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        S3Proxy proxy = S3Proxy.builder().blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET).build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        String endpoint = "http://127.0.0.1:" + proxy.getPort();
        try {
            upload(endpoint, file);
            StorageOptions options = StorageOptions.builder().s3Endpoint(endpoint).s3PathStyle(true)
                    .s3Region("us-east-1").s3Credentials(S3Credentials.of(ACCESS, SECRET)).build();
            String uri = "s3://" + BUCKET + "/" + file.getFileName();
            System.out.printf(Locale.ROOT, "file %s: %,d bytes%n", file, Files.size(file));
            for (int run = 1; run <= runs; run++) {
                measure(uri, options, Files.size(file), run);
            }
        } finally {
            proxy.stop();
        }
    }

    private static void upload(String endpoint, Path file) {
        try (S3AsyncClient s3 = S3AsyncClient.builder().endpointOverride(URI.create(endpoint)).forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS, SECRET)))
                .build()) {
            s3.createBucket(b -> b.bucket(BUCKET)).join();
            s3.putObject(b -> b.bucket(BUCKET).key(file.getFileName().toString()), AsyncRequestBody.fromFile(file)).join();
        }
    }

    private static void measure(String uri, StorageOptions options, long fileSize, int run) {
        long t0 = System.nanoTime();
        try (RangeReader s3 = RangeReaders.open(uri, options);
                CountingRangeReader counting = new CountingRangeReader(s3, options.coalescer());
                CogFile cog = CogFile.open(counting)) {
            ReadStats header = counting.stats();
            long t1 = System.nanoTime();
            cog.read(0);
            long t2 = System.nanoTime();
            ReadStats data = counting.stats().minus(header);
            ImageLayout level0 = cog.level(0);
            long blockBytes = 0;
            for (BlockRef ref : BlockPlanner.all(level0)) {
                blockBytes += ref.isSparse() ? 0 : ref.range().length();
            }
            long pixels = (long) level0.width() * level0.height() * level0.bands();
            System.out.printf(Locale.ROOT,
                    "run %d: header %d request(s) %,d bytes | level 0 (%dx%d, %d blocks): %d requests, %,d bytes"
                            + " received for %,d block bytes = %.5fx blocks, %.3fx file | header %.0f ms, read+decode"
                            + " %.0f ms (%.0f Mpx/s)%n",
                    run, header.requests(), header.bytesReceived(), level0.width(), level0.height(),
                    level0.blockCount(), data.requests(), data.bytesReceived(), blockBytes,
                    (double) data.bytesReceived() / blockBytes,
                    (double) (header.bytesReceived() + data.bytesReceived()) / fileSize, (t1 - t0) / 1e6,
                    (t2 - t1) / 1e6, pixels / ((t2 - t1) / 1e3));
        }
    }
}
