package dev.stacstream.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clients that readers share: one HTTP client, one S3 client, one file I/O pool per distinct configuration,
 * plus a timer for retry delays and timeouts. Readers borrow from it and never close what they borrow.
 *
 * <p><b>Lifecycle.</b> {@link #jvmWide()} backs {@link RangeReaders#open(String, StorageOptions)}: it lives until
 * the JVM exits (all its threads are daemons) and cannot be closed. Code with a lifecycle of its own, such as a
 * Flink operator, creates its own instance in {@code open()} and closes it in {@code close()}, so that no client
 * threads outlive the job's class loader. {@link #close()} is idempotent, closes every client even if one fails
 * (failures are logged), and afterwards requests through readers that borrowed from it fail.
 *
 * <p>Thread-safe. Clients are created lazily on first use; providers key them by a value object describing the
 * configuration (e.g. an S3 settings record), so readers with equal settings share one client.
 */
public final class SharedClients implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SharedClients.class);

    private final Map<Object, AutoCloseable> clients = new ConcurrentHashMap<>();
    private final List<AutoCloseable> creationOrder = new ArrayList<>();
    private final ScheduledThreadPoolExecutor scheduler;
    private final boolean closeable;
    private volatile boolean closed;

    /** A new, empty set of clients; close it when done. */
    public SharedClients() {
        this(true);
    }

    private SharedClients(boolean closeable) {
        this.closeable = closeable;
        this.scheduler = new ScheduledThreadPoolExecutor(1, daemonThreads("stacstream-storage-timer"));
        // Timeouts are usually cancelled long before they fire; drop them from the queue at once.
        this.scheduler.setRemoveOnCancelPolicy(true);
    }

    /** The process-wide instance used by {@link RangeReaders#open(String, StorageOptions)}; never closed. */
    public static SharedClients jvmWide() {
        return JvmWide.INSTANCE;
    }

    /**
     * The client for {@code key}, created by {@code factory} on first request. Keys must be value objects whose
     * {@code equals} covers every setting the client is built from.
     *
     * @throws IllegalStateException if this instance is closed
     */
    public <C extends AutoCloseable> C get(Object key, Class<C> type, Supplier<? extends C> factory) {
        Objects.requireNonNull(key, "key");
        checkOpen();
        AutoCloseable client = clients.computeIfAbsent(key, k -> {
            C created = Objects.requireNonNull(factory.get(), "client factory returned null for " + k);
            synchronized (creationOrder) {
                creationOrder.add(created);
            }
            LOG.debug("Created shared storage client {} for {}", created.getClass().getSimpleName(), k);
            return created;
        });
        if (closed) {
            // Lost a race with close(): the client may already be closed, so do not hand it out.
            checkOpen();
        }
        return type.cast(client);
    }

    /** Timer for retry delays and request deadlines (one daemon thread; tasks must be short). */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** How many clients have been created and not yet closed. */
    public int clientCount() {
        return clients.size();
    }

    /**
     * Closes every client, newest first, and the timer. Idempotent; a client that fails to close is logged and
     * the others are still closed.
     *
     * @throws IllegalStateException on the {@linkplain #jvmWide() JVM-wide} instance, which must stay open
     */
    @Override
    public void close() {
        if (!closeable) {
            throw new IllegalStateException("the JVM-wide SharedClients cannot be closed; create your own instance");
        }
        List<AutoCloseable> toClose;
        synchronized (creationOrder) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = new ArrayList<>(creationOrder);
            creationOrder.clear();
        }
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception e) {
                LOG.warn("Failed to close shared storage client {}", toClose.get(i), e);
            }
        }
        clients.clear();
        scheduler.shutdownNow();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("SharedClients is closed; open readers from a live instance");
        }
    }

    /** A factory of named daemon threads, for the storage module's own pools. */
    public static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Lazy holder: the JVM-wide instance (and its timer thread) exists only once something asks for it. */
    private static final class JvmWide {
        static final SharedClients INSTANCE = new SharedClients(false);
    }
}
