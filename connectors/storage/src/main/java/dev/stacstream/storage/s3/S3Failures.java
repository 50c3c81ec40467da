package dev.stacstream.storage.s3;

import dev.stacstream.storage.AccessDeniedException;
import dev.stacstream.storage.ByteRange;
import dev.stacstream.storage.NotFoundException;
import dev.stacstream.storage.StorageException;
import dev.stacstream.storage.TransientStorageException;
import dev.stacstream.storage.internal.ContentRange;
import dev.stacstream.storage.internal.Failures;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Maps AWS SDK failures to the storage taxonomy. S3 error codes decide first (they are more precise than the status:
 * {@code RequestTimeout} is a 400 that is worth retrying); otherwise the shared HTTP status table applies
 * ({@link Failures#forStatus}). Client-side errors are transient when caused by a timeout or an I/O error (connection
 * reset or closed), and fatal otherwise (e.g. no credentials could be loaded).
 */
final class S3Failures {

    static final Set<String> NOT_FOUND_CODES = Set.of("NoSuchKey", "NoSuchBucket", "NotFound");
    static final Set<String> ACCESS_DENIED_CODES = Set.of(
            "AccessDenied", "AllAccessDisabled", "InvalidAccessKeyId", "SignatureDoesNotMatch", "ExpiredToken",
            "InvalidToken");
    static final Set<String> TRANSIENT_CODES = Set.of(
            "SlowDown", "InternalError", "ServiceUnavailable", "RequestTimeout", "Throttling", "ThrottlingException",
            "RequestLimitExceeded", "TooManyRequestsException");

    /** The error code of a 416: the range starts at or after the end of the object. */
    static final String INVALID_RANGE_CODE = "InvalidRange";

    private static final int RANGE_NOT_SATISFIABLE = 416;
    /** S3 names the object's size in the error document of an {@code InvalidRange}. */
    private static final Pattern ACTUAL_OBJECT_SIZE =
            Pattern.compile("<ActualObjectSize>\\s*(\\d{1,18})\\s*</ActualObjectSize>");

    private S3Failures() {}

    /** Whether S3 refused a ranged {@code GetObject} because the range starts at or after the end of the object. */
    static boolean isInvalidRange(AwsServiceException e) {
        AwsErrorDetails details = e.awsErrorDetails();
        return e.statusCode() == RANGE_NOT_SATISFIABLE
                || (details != null && INVALID_RANGE_CODE.equals(details.errorCode()));
    }

    /**
     * The object's size as an {@code InvalidRange} error tells it: from a {@code Content-Range: bytes *&#47;total}
     * header, else from the error document's {@code ActualObjectSize}; empty when neither is there.
     */
    static OptionalLong actualObjectSize(AwsServiceException e) {
        AwsErrorDetails details = e.awsErrorDetails();
        if (details == null) {
            return OptionalLong.empty();
        }
        if (details.sdkHttpResponse() != null) {
            Optional<ContentRange> header = details.sdkHttpResponse().firstMatchingHeader("Content-Range")
                    .flatMap(ContentRange::parse);
            if (header.isPresent() && header.get().total().isPresent()) {
                return header.get().total();
            }
        }
        if (details.rawResponse() == null) {
            return OptionalLong.empty();
        }
        Matcher m = ACTUAL_OBJECT_SIZE.matcher(details.rawResponse().asUtf8String());
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    /** A {@link dev.stacstream.storage.internal.FailureClassifier} for S3 attempts. */
    static StorageException classify(Throwable error, String uri, ByteRange range) {
        if (error instanceof StorageException se) {
            return se;
        }
        if (error instanceof AwsServiceException service) {
            return forService(service, uri, range);
        }
        if (error instanceof ApiCallAttemptTimeoutException || error instanceof ApiCallTimeoutException) {
            return new TransientStorageException(uri, range, "timed out: " + Failures.describe(error), error);
        }
        if (error instanceof SdkClientException) {
            return hasIoCause(error)
                    ? new TransientStorageException(uri, range, "I/O error: " + Failures.describe(error), error)
                    : new StorageException(uri, range, "S3 client error: " + Failures.describe(error), error);
        }
        return Failures.forIoFailure(error, uri, range);
    }

    private static StorageException forService(AwsServiceException e, String uri, ByteRange range) {
        AwsErrorDetails details = e.awsErrorDetails();
        String code = details == null ? null : details.errorCode();
        String message = details == null ? null : details.errorMessage();
        String detail = Failures.describeStatus(e.statusCode())
                + (code == null ? "" : " " + code)
                + (message == null || message.isBlank() ? "" : ": " + message);
        if (code != null && NOT_FOUND_CODES.contains(code)) {
            return new NotFoundException(uri, range, detail, e);
        }
        if (code != null && ACCESS_DENIED_CODES.contains(code)) {
            return new AccessDeniedException(uri, range, detail, e);
        }
        if (code != null && TRANSIENT_CODES.contains(code)) {
            return new TransientStorageException(uri, range, detail, e);
        }
        return Failures.forStatus(e.statusCode(), detail, uri, range, null, e);
    }

    private static boolean hasIoCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
