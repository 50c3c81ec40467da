package dev.stacstream.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stacstream.storage.ByteRange;
import dev.stacstream.storage.NotFoundException;
import dev.stacstream.storage.RetryPolicy;
import dev.stacstream.storage.StorageException;
import dev.stacstream.storage.TransientStorageException;
import dev.stacstream.storage.TruncatedReadException;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class RetryExecutorTest {

    private static final String URI = "s3://bucket/key.tif";
    private static final ByteRange RANGE = ByteRange.of(0, 16);
    private static final RetryPolicy FOUR_FAST_ATTEMPTS =
            RetryPolicy.of(4, Duration.ofMillis(1), Duration.ofMillis(5), 2.0);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final RetryExecutor retries = new RetryExecutor(FOUR_FAST_ATTEMPTS, timer);

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void retriesTransientFailuresUntilSuccess() throws Exception {
        ScriptedAttempts<String> attempts = new ScriptedAttempts<>(
                transientFailure(), new SocketException("Connection reset"), truncated(), "bytes");

        String result = retries.execute(URI, RANGE, attempts, Failures::forIoFailure).get(5, TimeUnit.SECONDS);

        assertThat(result).isEqualTo("bytes");
        assertThat(attempts.started).isEqualTo(4);
    }

    @Test
    void doesNotRetryFatalFailures() {
        ScriptedAttempts<String> attempts = new ScriptedAttempts<>(
                new NotFoundException(URI, RANGE, "HTTP 404 Not Found", null), "never reached");

        NotFoundException e = failure(retries.execute(URI, RANGE, attempts, Failures::forIoFailure),
                NotFoundException.class);

        assertThat(attempts.started).isEqualTo(1);
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.getMessage()).isEqualTo("s3://bucket/key.tif bytes [0, 16): HTTP 404 Not Found");
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheLastFailureAndTheEarlierOnesSuppressed() {
        ScriptedAttempts<String> attempts = new ScriptedAttempts<>(
                transientFailure(), transientFailure(), transientFailure(), transientFailure(), "never reached");

        TransientStorageException e = failure(retries.execute(URI, RANGE, attempts, Failures::forIoFailure),
                TransientStorageException.class);

        assertThat(attempts.started).isEqualTo(4);
        assertThat(e.attempts()).isEqualTo(4);
        assertThat(e.getMessage())
                .isEqualTo("s3://bucket/key.tif bytes [0, 16): HTTP 503 Service Unavailable after 4 attempts");
        assertThat(e.getSuppressed()).hasSize(3).allMatch(s -> s instanceof TransientStorageException);
    }

    @Test
    void classifiesForeignExceptionsWithTheBackendClassifier() {
        ScriptedAttempts<String> attempts = new ScriptedAttempts<>(new IllegalStateException("bug"), "never reached");

        StorageException e = failure(retries.execute(URI, RANGE, attempts, Failures::forIoFailure),
                StorageException.class);

        assertThat(attempts.started).isEqualTo(1);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("bug");
    }

    @Test
    void attemptThatThrowsSynchronouslyCountsAsAFailedAttempt() {
        Supplier<CompletableFuture<String>> throwing = () -> {
            throw new IllegalArgumentException("cannot build request");
        };

        StorageException e = failure(retries.execute(URI, RANGE, throwing, Failures::forIoFailure),
                StorageException.class);

        assertThat(e.detail()).isEqualTo("unexpected failure: IllegalArgumentException: cannot build request");
    }

    @Test
    void noRetriesPolicyRunsOnce() {
        RetryExecutor once = new RetryExecutor(RetryPolicy.noRetries(), timer);
        ScriptedAttempts<String> attempts = new ScriptedAttempts<>(transientFailure(), "never reached");

        TransientStorageException e = failure(once.execute(URI, RANGE, attempts, Failures::forIoFailure),
                TransientStorageException.class);

        assertThat(attempts.started).isEqualTo(1);
        assertThat(e.attempts()).isEqualTo(1);
    }

    private static TransientStorageException transientFailure() {
        return new TransientStorageException(URI, RANGE, "HTTP 503 Service Unavailable", null);
    }

    private static TruncatedReadException truncated() {
        return new TruncatedReadException(URI, RANGE, "response body ended after 3 of 16 bytes", 3, true, null);
    }

    private static <E extends Throwable> E failure(CompletableFuture<?> future, Class<E> type) {
        ExecutionException e = catchThrowableOfType(ExecutionException.class,
                () -> future.get(5, TimeUnit.SECONDS));
        assertThat(e.getCause()).isInstanceOf(type);
        return type.cast(e.getCause());
    }

    /** Plays back one outcome per attempt: a Throwable fails the attempt, anything else completes it. */
    private static final class ScriptedAttempts<T> implements Supplier<CompletableFuture<T>> {
        private final Deque<Object> outcomes;
        private volatile int started;

        ScriptedAttempts(Object... outcomes) {
            this.outcomes = new ArrayDeque<>(List.of(outcomes));
        }

        @Override
        @SuppressWarnings("unchecked")
        public synchronized CompletableFuture<T> get() {
            started++;
            Object next = outcomes.poll();
            if (next instanceof Throwable t) {
                // Complete on another thread, as real I/O would.
                return CompletableFuture.supplyAsync(() -> {
                    throw t instanceof RuntimeException r ? r : new CompletionException(t);
                });
            }
            return CompletableFuture.completedFuture((T) next);
        }
    }
}
