package dev.stacstream.storage.internal;

import dev.stacstream.storage.ByteRange;
import dev.stacstream.storage.StorageException;

/** Maps whatever an attempt failed with to the storage taxonomy; one per backend. */
@FunctionalInterface
public interface FailureClassifier {

    /**
     * @param error the attempt's failure, already unwrapped from {@link java.util.concurrent.CompletionException}
     * @param uri the object's URI
     * @param range the range being read, or {@code null}
     * @return the failure as a {@link StorageException} reporting one attempt (never {@code null})
     */
    StorageException classify(Throwable error, String uri, ByteRange range);
}
