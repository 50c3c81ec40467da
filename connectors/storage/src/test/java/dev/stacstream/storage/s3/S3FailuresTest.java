package dev.stacstream.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.storage.AccessDeniedException;
import dev.stacstream.storage.BadRequestException;
import dev.stacstream.storage.ByteRange;
import dev.stacstream.storage.NotFoundException;
import dev.stacstream.storage.StorageException;
import dev.stacstream.storage.TransientStorageException;
import java.io.IOException;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The S3 part of the classification table: error codes first, then the HTTP status. */
class S3FailuresTest {

    private static final String URI = "s3://bucket/key.tif";
    private static final ByteRange RANGE = ByteRange.of(0, 10);

    static Stream<Arguments> serviceErrors() {
        return Stream.of(
                Arguments.of(404, "NoSuchKey", NotFoundException.class, false),
                Arguments.of(404, "NoSuchBucket", NotFoundException.class, false),
                Arguments.of(404, null, NotFoundException.class, false),
                Arguments.of(403, "AccessDenied", AccessDeniedException.class, false),
                Arguments.of(403, "SignatureDoesNotMatch", AccessDeniedException.class, false),
                Arguments.of(400, "ExpiredToken", AccessDeniedException.class, false),
                Arguments.of(503, "SlowDown", TransientStorageException.class, true),
                Arguments.of(500, "InternalError", TransientStorageException.class, true),
                Arguments.of(400, "RequestTimeout", TransientStorageException.class, true),
                Arguments.of(429, null, TransientStorageException.class, true),
                Arguments.of(416, "InvalidRange", BadRequestException.class, false),
                Arguments.of(400, "InvalidArgument", BadRequestException.class, false),
                Arguments.of(501, "NotImplemented", BadRequestException.class, false));
    }

    @ParameterizedTest(name = "HTTP {0} {1} -> {2}")
    @MethodSource("serviceErrors")
    void classifiesServiceErrorsByCodeThenStatus(
            int status, String code, Class<? extends StorageException> type, boolean retryable) {
        S3Exception error = (S3Exception) S3Exception.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("details").build())
                .build();

        StorageException e = S3Failures.classify(error, URI, RANGE);

        assertThat(e).isExactlyInstanceOf(type);
        assertThat(e.isRetryable()).isEqualTo(retryable);
        assertThat(e.getMessage()).startsWith(URI + " bytes [0, 10): HTTP " + status);
        if (code != null) {
            assertThat(e.detail()).contains(code + ": details");
        }
    }

    static Stream<Arguments> invalidRanges() {
        String awsDocument = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>InvalidRange</Code>"
                + "<Message>The requested range is not satisfiable</Message><RangeRequested>bytes=500-599"
                + "</RangeRequested><ActualObjectSize>500</ActualObjectSize><RequestId>R</RequestId></Error>";
        String bareDocument = "<Error><Code>InvalidRange</Code><Message>The requested range is not satisfiable"
                + "</Message><RequestId>R</RequestId></Error>";
        return Stream.of(
                Arguments.of("AWS document naming the size", 416, "InvalidRange", awsDocument, null, true, 500L),
                Arguments.of("Content-Range header", 416, "InvalidRange", bareDocument, "bytes */730", true, 730L),
                Arguments.of("s3proxy's bare document", 416, "InvalidRange", bareDocument, null, true, -1L),
                Arguments.of("416 without a code", 416, null, null, null, true, -1L),
                Arguments.of("another 4xx", 400, "InvalidArgument", bareDocument, null, false, -1L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRanges")
    void invalidRangeIsRecognisedAndNamesTheObjectSizeWhenS3Does(String name, int status, String code,
            String document, String contentRange, boolean invalidRange, long size) {
        SdkHttpResponse.Builder http = SdkHttpResponse.builder().statusCode(status);
        if (contentRange != null) {
            http.putHeader("Content-Range", contentRange);
        }
        AwsErrorDetails.Builder details = AwsErrorDetails.builder().errorCode(code).sdkHttpResponse(http.build());
        if (document != null) {
            details.rawResponse(SdkBytes.fromUtf8String(document));
        }
        S3Exception error = (S3Exception) S3Exception.builder()
                .statusCode(status)
                .awsErrorDetails(details.build())
                .build();

        assertThat(S3Failures.isInvalidRange(error)).isEqualTo(invalidRange);
        assertThat(S3Failures.actualObjectSize(error))
                .isEqualTo(size < 0 ? OptionalLong.empty() : OptionalLong.of(size));
    }

    @Test
    void clientTimeoutsAndIoErrorsAreTransientOtherClientErrorsAreNot() {
        StorageException timeout = S3Failures.classify(
                ApiCallAttemptTimeoutException.create(10_000), URI, RANGE);
        StorageException reset = S3Failures.classify(SdkClientException.builder()
                .message("Unable to execute HTTP request").cause(new IOException("Connection reset")).build(), URI, RANGE);
        StorageException noCredentials = S3Failures.classify(SdkClientException.builder()
                .message("Unable to load credentials from any of the providers").build(), URI, RANGE);

        assertThat(timeout).isInstanceOf(TransientStorageException.class);
        assertThat(reset).isInstanceOf(TransientStorageException.class);
        assertThat(noCredentials.isRetryable()).isFalse();
        assertThat(noCredentials.detail()).startsWith("S3 client error: SdkClientException: Unable to load credentials");
    }
}
