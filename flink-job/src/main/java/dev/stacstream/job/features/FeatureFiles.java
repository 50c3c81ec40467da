package dev.stacstream.job.features;

import dev.stacstream.storage.ByteRange;
import dev.stacstream.storage.RangeReader;
import dev.stacstream.storage.RangeReaders;
import dev.stacstream.storage.StorageOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Reads an input feature file ({@code extract.points}, {@code extract.polygons}) from any storage the job reads
 * from (a path, {@code file}, {@code http(s)}, {@code s3}) when the job is built, so that a bad file stops the run
 * before it starts.
 */
public final class FeatureFiles {

    /** Largest file read: GeoJSON points take some 100-200 bytes each, parcels a few kilobytes. */
    static final long MAX_BYTES = 256L * 1024 * 1024;

    private FeatureFiles() {}

    /**
     * The bytes of the file at {@code uri}.
     *
     * @param kind what the file holds, for messages ({@code points}, {@code polygons})
     * @throws FeatureFileException naming the file when it cannot be read or is too large
     */
    public static byte[] read(String kind, URI uri, StorageOptions storage) {
        String name = uri.toString();
        try (Reader reader = new Reader(RangeReaders.open(name, storage))) {
            ByteBuffer buffer = reader.range.readAtMost(ByteRange.of(0, MAX_BYTES + 1)).get();
            if (buffer.remaining() > MAX_BYTES) {
                throw new FeatureFileException(kind, name, "is larger than the " + MAX_BYTES + " bytes allowed");
            }
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new FeatureFileException(kind, name, "cannot be read: " + cause.getMessage());
        } catch (FeatureFileException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new FeatureFileException(kind, name, "cannot be opened: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeatureFileException(kind, name, "was not read: interrupted");
        }
    }

    /** Closes the range reader with try-with-resources. */
    private record Reader(RangeReader range) implements AutoCloseable {
        @Override
        public void close() {
            range.close();
        }
    }
}
