package dev.stacstream.storage.internal;

import dev.stacstream.storage.ByteRange;
import dev.stacstream.storage.RetryPolicy;
import dev.stacstream.storage.StorageException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an asynchronous request under a {@link RetryPolicy}: the single place where HTTP and S3 attempts are
 * counted and retried. (The S3 SDK's own retries are switched off so they do not multiply with these.)
 *
 * <p>Each failure is classified by the backend's {@link FailureClassifier}; non-retryable failures and the last
 * allowed attempt end the request with the classified {@link StorageException} reporting the number of attempts,
 * with the earlier attempts' failures attached as suppressed exceptions. Delays between attempts run on the shared
 * timer thread; attempts start on that thread and complete on the backend's I/O threads. Cancelling the returned
 * future stops further attempts.
 */
public final class RetryExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(RetryExecutor.class);

    private final RetryPolicy policy;
    private final ScheduledExecutorService timer;

    public RetryExecutor(RetryPolicy policy, ScheduledExecutorService timer) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.timer = Objects.requireNonNull(timer, "timer");
    }

    /**
     * Runs {@code attempt} until it succeeds, fails with a non-retryable error, or the policy's attempts are used.
     *
     * @param uri the object's URI (for messages)
     * @param range the range being read, or {@code null} for metadata requests
     * @param attempt starts one attempt; called once per attempt
     * @param classifier turns an attempt's failure into a {@link StorageException}
     */
    public <T> CompletableFuture<T> execute(
            String uri, ByteRange range, Supplier<CompletableFuture<T>> attempt, FailureClassifier classifier) {
        CompletableFuture<T> result = new CompletableFuture<>();
        new Run<>(uri, range, attempt, classifier, result).attempt(1, List.of());
        return result;
    }

    /** The state of one retried request. */
    private final class Run<T> {
        private final String uri;
        private final ByteRange range;
        private final Supplier<CompletableFuture<T>> attempt;
        private final FailureClassifier classifier;
        private final CompletableFuture<T> result;

        Run(String uri, ByteRange range, Supplier<CompletableFuture<T>> attempt, FailureClassifier classifier,
                CompletableFuture<T> result) {
            this.uri = uri;
            this.range = range;
            this.attempt = attempt;
            this.classifier = classifier;
            this.result = result;
        }

        void attempt(int number, List<StorageException> earlier) {
            if (result.isDone()) {
                return; // cancelled by the caller
            }
            CompletableFuture<T> current;
            try {
                current = attempt.get();
            } catch (RuntimeException e) {
                current = CompletableFuture.failedFuture(e);
            }
            // Runs on the backend's I/O thread that completed the attempt.
            current.whenComplete((value, error) -> {
                if (error == null) {
                    result.complete(value);
                } else {
                    onFailure(number, earlier, classify(error));
                }
            });
        }

        private StorageException classify(Throwable error) {
            Throwable cause = unwrap(error);
            StorageException classified = cause instanceof StorageException se
                    ? se
                    : classifier.classify(cause, uri, range);
            return Objects.requireNonNull(classified, "classifier returned null");
        }

        private void onFailure(int number, List<StorageException> earlier, StorageException failure) {
            if (!failure.isRetryable() || number >= policy.maxAttempts()) {
                fail(number, earlier, failure, null);
                return;
            }
            Duration delay = policy.delayBeforeRetry(number, failure.retryAfter(), ThreadLocalRandom.current());
            LOG.debug("Attempt {} of {} failed, retrying in {} ms: {}",
                    number, policy.maxAttempts(), delay.toMillis(), failure.getMessage());
            List<StorageException> failures = new ArrayList<>(earlier);
            failures.add(failure);
            try {
                timer.schedule(() -> attempt(number + 1, failures), delay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                fail(number, earlier, failure, e); // the shared clients were closed meanwhile
            }
        }

        private void fail(int number, List<StorageException> earlier, StorageException last, Throwable extra) {
            StorageException reported = last.withAttempts(number);
            earlier.forEach(reported::addSuppressed);
            if (extra != null) {
                reported.addSuppressed(extra);
            }
            result.completeExceptionally(reported);
        }
    }

    /** Strips the {@link CompletionException}/{@link ExecutionException} wrappers futures add. */
    public static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
