package dev.stacstream.storage.file;

import dev.stacstream.storage.AccessDeniedException;
import dev.stacstream.storage.ByteRange;
import dev.stacstream.storage.CoalescingRangeReader;
import dev.stacstream.storage.NotFoundException;
import dev.stacstream.storage.RangeCoalescer;
import dev.stacstream.storage.StorageException;
import dev.stacstream.storage.TruncatedReadException;
import dev.stacstream.storage.internal.Failures;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * Reads ranges of a local file with positional {@link FileChannel} reads, which are safe to run concurrently on one
 * channel. The channel is opened on the first request and closed by {@link #close()}.
 *
 * <p>Reads run on the shared file I/O pool and their futures complete there. Local I/O errors are not retried:
 * a missing file, a permission problem or a file shorter than the range will not change on a second attempt.
 */
final class FileRangeReader extends CoalescingRangeReader {

    /**
     * Bytes per read call. A {@link FileChannel} reads into a heap buffer through a temporary direct buffer as large
     * as the call asks for, and the JDK keeps that buffer cached on the calling thread: one call per coalesced range
     * (up to 16 MiB) left that much native memory on every file I/O thread (about 250 MiB in a W job). Slices of
     * this size keep it at 256 KiB per thread at the cost of one more system call per 256 KiB.
     */
    static final int READ_SLICE_BYTES = 256 * 1024;

    private final String uri;
    private final Path path;
    private final ExecutorService io;
    private FileChannel channel; // guarded by this
    private boolean closed; // guarded by this

    FileRangeReader(String uri, Path path, ExecutorService io, RangeCoalescer coalescer) {
        super(coalescer);
        this.uri = uri;
        this.path = path;
        this.io = io;
    }

    @Override
    public String uri() {
        return uri;
    }

    @Override
    protected CompletableFuture<ByteBuffer> fetch(ByteRange range) {
        checkOpen();
        return onIoThread(range, () -> readFully(range));
    }

    /** Reads the file's current length and the part of {@code range} before it in one I/O call. */
    @Override
    protected CompletableFuture<ByteBuffer> fetchAtMost(ByteRange range) {
        checkOpen();
        return onIoThread(range, () -> {
            Optional<ByteRange> within = range.clampTo(channel().size());
            return within.isPresent() ? readFully(within.get()) : ByteBuffer.allocate(0);
        });
    }

    @Override
    public CompletableFuture<Long> size() {
        checkOpen();
        return onIoThread(null, () -> channel().size());
    }

    /** Closes the file. Idempotent; reads still running fail with a "reader closed" error. */
    @Override
    public synchronized void close() {
        closed = true;
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                throw new StorageException(uri, null, "failed to close file: " + Failures.describe(e), e);
            } finally {
                channel = null;
            }
        }
    }

    // Executed on a file I/O thread.
    private ByteBuffer readFully(ByteRange range) throws IOException {
        FileChannel ch = channel();
        ByteBuffer buffer = ByteBuffer.allocate((int) range.length());
        while (buffer.position() < buffer.capacity()) {
            buffer.limit(Math.min(buffer.capacity(), buffer.position() + READ_SLICE_BYTES));
            int n = ch.read(buffer, range.offset() + buffer.position());
            if (n < 0) {
                throw new TruncatedReadException(uri, range, "file has only " + ch.size() + " bytes",
                        buffer.position(), false, null);
            }
        }
        return buffer.flip();
    }

    private synchronized void checkOpen() {
        if (closed) {
            throw new IllegalStateException(uri + ": reader is closed");
        }
    }

    private synchronized FileChannel channel() throws IOException {
        checkOpen(); // closed while this read was queued
        if (channel == null) {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        }
        return channel;
    }

    private <T> CompletableFuture<T> onIoThread(ByteRange range, IoCall<T> call) {
        try {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return call.run();
                } catch (IOException e) {
                    throw classify(e, range);
                }
            }, io);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException(uri + ": the shared file I/O pool is closed", e));
        }
    }

    private StorageException classify(IOException e, ByteRange range) {
        if (e instanceof NoSuchFileException) {
            return new NotFoundException(uri, range, "no such file", e);
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return new AccessDeniedException(uri, range, "permission denied", e);
        }
        if (e instanceof ClosedChannelException) {
            return new StorageException(uri, range, "reader closed during the read", e);
        }
        return new StorageException(uri, range, "I/O error: " + Failures.describe(e), e);
    }

    @FunctionalInterface
    private interface IoCall<T> {
        T run() throws IOException;
    }

    @Override
    public String toString() {
        return "FileRangeReader{" + uri + "}";
    }
}
