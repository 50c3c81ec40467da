package dev.stacstream.job.points;

import dev.stacstream.job.config.PointsConfig;
import dev.stacstream.job.points.PointSet.PointSetException;
import dev.stacstream.storage.ByteRange;
import dev.stacstream.storage.RangeReader;
import dev.stacstream.storage.RangeReaders;
import dev.stacstream.storage.StorageOptions;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Reads the points file of {@code extract.points} from any storage the job reads from (a path, {@code file},
 * {@code http(s)}, {@code s3}) when the job is built, so that a bad file stops the run before it starts.
 */
public final class PointSetLoader {

    /** Largest points file read: GeoJSON points take about 100-200 bytes each, so some hundred thousand points. */
    static final long MAX_BYTES = 256L * 1024 * 1024;

    private PointSetLoader() {}

    /**
     * The points of {@code config}.
     *
     * @throws PointSetException naming the file when it cannot be read or is not a usable FeatureCollection of points
     */
    public static PointSet load(PointsConfig config, StorageOptions storage) {
        String uri = config.points().toString();
        byte[] bytes;
        try (Reader reader = new Reader(RangeReaders.open(uri, storage))) {
            ByteBuffer buffer = reader.range.readAtMost(ByteRange.of(0, MAX_BYTES + 1)).get();
            if (buffer.remaining() > MAX_BYTES) {
                throw new PointSetException(uri, "is larger than the " + MAX_BYTES + " bytes allowed");
            }
            bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new PointSetException(uri, "cannot be read: " + cause.getMessage());
        } catch (IllegalArgumentException e) {
            if (e instanceof PointSetException p) {
                throw p;
            }
            throw new PointSetException(uri, "cannot be opened: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PointSetException(uri, "was not read: interrupted");
        }
        PointSet points = PointSet.parse(uri, bytes, config.idProperty());
        if (points.size() == 0) {
            throw new PointSetException(uri, "has no features");
        }
        return points;
    }

    /** Closes the range reader with try-with-resources. */
    private record Reader(RangeReader range) implements AutoCloseable {
        @Override
        public void close() {
            range.close();
        }
    }
}
