package dev.stacstream.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stacstream.storage.BadRequestException;
import dev.stacstream.storage.ByteRange;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which body bytes answer an exact or a clamped read, from the status and headers of the response. */
class BodyPlanTest {

    private static final String URI = "https://h/o.tif";
    private static final ByteRange REQUESTED = ByteRange.of(1_000, 2_000);

    @ParameterizedTest(name = "206 {0}, clamped {1} -> due {2}")
    @CsvSource({
        "'bytes 1000-1999/5000', false, '[1000, 2000)', 5000",
        "'bytes 1000-1999/5000', true, '[1000, 2000)', 5000",
        "'bytes 1000-1499/1500', true, '[1000, 1500)', 1500",
        // An exact read stays due the whole range, so that the short body fails as "object has only 1500 bytes".
        "'bytes 1000-1499/1500', false, '[1000, 2000)', 1500",
        "'bytes 1000-1999/*', true, '[1000, 2000)', -1",
    })
    void partialContentIsDueFromItsFirstByte(String contentRange, boolean clamp, String due, long objectSize) {
        BodyPlan plan = BodyPlan.partial(URI, REQUESTED, clamp, ContentRange.parse(contentRange));

        assertThat(plan.due()).hasToString(due);
        assertThat(plan.skip()).isZero();
        assertThat(plan.wholeBody()).isFalse();
        assertThat(plan.objectSize()).isEqualTo(objectSize < 0 ? OptionalLong.empty() : OptionalLong.of(objectSize));
    }

    @ParameterizedTest(name = "206 {0} -> {1}")
    @CsvSource({
        "'', 'HTTP 206 without a valid Content-Range header'",
        "'bytes */5000', 'HTTP 206 without a valid Content-Range header'",
        "'bytes 0-999/5000', 'server returned bytes [0, 1000) instead'",
        "'bytes 1000-1999/900', 'server returned bytes [1000, 2000) of an object it says has only 900 bytes'",
    })
    void partialContentThatDoesNotFitTheRequestIsRejected(String contentRange, String detail) {
        assertThatThrownBy(() -> BodyPlan.partial(URI, REQUESTED, true, ContentRange.parse(contentRange)))
                .isInstanceOf(BadRequestException.class)
                .hasMessage(URI + " bytes [1000, 2000): " + detail);
    }

    @ParameterizedTest(name = "200 of {0} bytes, clamped {1} -> due {2}")
    @CsvSource({
        "5000, false, '[1000, 2000)', 1000",
        "5000, true, '[1000, 2000)', 1000",
        "1500, true, '[1000, 1500)', 500",
        "1000, true, , 0",
        "10, true, , 0",
        // Without a length the object's end is unknown: the whole range is due.
        "-1, true, '[1000, 2000)', 1000",
        "1500, false, '[1000, 2000)', 1000",
    })
    void wholeBodyIsCutAtTheRequestedOffset(long contentLength, boolean clamp, String due, long dueLength) {
        OptionalLong length = contentLength < 0 ? OptionalLong.empty() : OptionalLong.of(contentLength);

        BodyPlan plan = BodyPlan.wholeBody(REQUESTED, clamp, length);

        assertThat(plan.due() == null ? null : plan.due().toString()).isEqualTo(due);
        assertThat(plan.dueLength()).isEqualTo(dueLength);
        assertThat(plan.skip()).isEqualTo(1_000);
        assertThat(plan.wholeBody()).isTrue();
        assertThat(plan.objectSize()).isEqualTo(length);
        assertThat(plan.newWindow().isFull()).isEqualTo(dueLength == 0);
    }
}
