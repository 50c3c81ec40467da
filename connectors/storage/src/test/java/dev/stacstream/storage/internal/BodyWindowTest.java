package dev.stacstream.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.storage.ByteRange;
import dev.stacstream.storage.TruncatedReadException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BodyWindowTest {

    private static final int BODY_LENGTH = 100;

    @ParameterizedTest(name = "skip {0} length {1} in chunks of {2}")
    @CsvSource({"0, 100, 100", "0, 10, 3", "10, 20, 7", "10, 20, 10", "99, 1, 1", "37, 50, 64", "0, 100, 1"})
    void collectsExactlyTheWindowWhateverTheChunking(int skip, int length, int chunkSize) {
        BodyWindow window = new BodyWindow(skip, length);
        byte[] body = new byte[BODY_LENGTH];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) i;
        }

        for (int from = 0; from < body.length && !window.isFull(); from += chunkSize) {
            ByteBuffer chunk = ByteBuffer.wrap(body, from, Math.min(chunkSize, body.length - from));
            window.accept(chunk);
            assertThat(chunk.hasRemaining()).isFalse();
        }

        ByteBuffer result = window.result();
        assertThat(result.remaining()).isEqualTo(length);
        for (int i = 0; i < length; i++) {
            assertThat(result.get(i)).isEqualTo((byte) (skip + i));
        }
    }

    @ParameterizedTest(name = "object size {0}, transport error {1} -> retryable {2}")
    @CsvSource({
        "-1, false, true, 'response body ended after 4 of 10 bytes'",
        "14, false, false, 'object has only 14 bytes'",
        "1000, false, true, 'response body ended after 4 of 10 bytes'",
        "-1, true, true, 'response body cut after 4 of 10 bytes: IOException: reset'",
    })
    void truncationTellsAShortObjectFromACutBody(
            long objectSize, boolean transportError, boolean retryable, String detail) {
        ByteRange range = ByteRange.of(10, 20);
        BodyWindow window = new BodyWindow(0, range.length());
        window.accept(ByteBuffer.allocate(4));

        TruncatedReadException e = window.truncation("https://h/o", range,
                objectSize < 0 ? OptionalLong.empty() : OptionalLong.of(objectSize),
                transportError ? new IOException("reset") : null);

        assertThat(e.isRetryable()).isEqualTo(retryable);
        assertThat(e.detail()).isEqualTo(detail);
        assertThat(e.bytesReceived()).isEqualTo(4);
        assertThat(e.getMessage()).startsWith("https://h/o bytes [10, 20): ");
    }
}
