package dev.stacstream.storage.file;

import dev.stacstream.storage.SharedClients;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The blocking-I/O threads that local reads run on, shared by all file readers with the same thread cap (held in
 * {@link SharedClients}). Threads are daemons, start on demand and retire after a minute idle.
 */
final class FileIoPool implements AutoCloseable {

    /** How long an idle I/O thread lingers before it exits. */
    private static final long IDLE_THREAD_KEEP_ALIVE_SECONDS = 60;

    /** Cache key: pools differ only by their thread cap. */
    record Key(int threads) {}

    private final ThreadPoolExecutor executor;

    FileIoPool(int threads) {
        this.executor = new ThreadPoolExecutor(threads, threads, IDLE_THREAD_KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), SharedClients.daemonThreads("stacstream-file-io"));
        this.executor.allowCoreThreadTimeOut(true);
    }

    ExecutorService executor() {
        return executor;
    }

    @Override
    public void close() {
        executor.shutdown();
    }

    @Override
    public String toString() {
        return "FileIoPool{threads=" + executor.getMaximumPoolSize() + "}";
    }
}
