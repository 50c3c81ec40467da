package dev.stacstream.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RangeCoalescerTest {

    /**
     * Fixture table: limits, caller ranges as "start-end" (half-open), the expected requests, and for each
     * request the caller indices it serves.
     */
    static Stream<Arguments> plans() {
        return Stream.of(
                plan("single range", 10, 100, "0-10", "0-10", "0"),
                plan("adjacent ranges merge (gap 0)", 0, 100, "0-10 10-20", "0-20", "0,1"),
                plan("gap equal to maxGap merges", 5, 100, "0-10 15-20", "0-20", "0,1"),
                plan("gap one past maxGap splits", 5, 100, "0-10 16-20", "0-10 16-20", "0|1"),
                plan("merged size equal to maxRequest merges", 10, 20, "0-10 10-20", "0-20", "0,1"),
                plan("merged size one past maxRequest splits", 10, 20, "0-10 11-21", "0-10 11-21", "0|1"),
                plan("range larger than maxRequest stays alone", 100, 20, "0-50 50-60", "0-50 50-60", "0|1"),
                plan("unsorted input, requests sorted", 10, 100, "40-50 0-10 12-20", "0-20 40-50", "1,2|0"),
                plan("duplicates served by one request", 0, 100, "5-10 5-10 5-10", "5-10", "0,1,2"),
                plan("overlap merges without growing past union", 0, 30, "0-20 10-30", "0-30", "0,1"),
                plan("contained range merges even when the request is full", 0, 20, "0-20 5-10", "0-20", "0,1"),
                plan("chain of gaps each within limit", 4, 100, "0-10 14-20 24-30", "0-30", "0,1,2"),
                plan("limit splits a chain greedily", 4, 20, "0-10 14-20 24-30", "0-20 24-30", "0,1|2"),
                plan("no inputs", 10, 100, "", "", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void plansRequests(String name, long maxGap, long maxRequest, List<ByteRange> inputs,
            List<ByteRange> expectedRequests, List<List<Integer>> expectedServed) {
        CoalescedRanges plan = new RangeCoalescer(maxGap, maxRequest).coalesce(inputs);

        assertThat(plan.requests()).containsExactlyElementsOf(expectedRequests);
        for (int r = 0; r < expectedRequests.size(); r++) {
            assertThat(plan.servedBy(r)).as("inputs served by request %s", r).isEqualTo(expectedServed.get(r));
            for (int input : expectedServed.get(r)) {
                assertThat(plan.requests().get(r).contains(inputs.get(input))).isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void splitReturnsEachCallerRangeInCallerOrder(String name, long maxGap, long maxRequest, List<ByteRange> inputs) {
        CoalescedRanges plan = new RangeCoalescer(maxGap, maxRequest).coalesce(inputs);
        List<ByteBuffer> responses = new ArrayList<>();
        for (ByteRange request : plan.requests()) {
            responses.add(ByteBuffer.wrap(patternBytes(request)));
        }

        List<ByteBuffer> split = plan.split(responses);

        assertThat(split).hasSize(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            assertThat(split.get(i).position()).isZero();
            assertThat(toArray(split.get(i))).as("bytes of %s", inputs.get(i)).isEqualTo(patternBytes(inputs.get(i)));
        }
    }

    @Test
    void disabledCoalescerIssuesEveryRangeInCallerOrder() {
        List<ByteRange> inputs = List.of(ByteRange.of(10, 20), ByteRange.of(0, 10), ByteRange.of(10, 20));

        CoalescedRanges plan = RangeCoalescer.disabled().coalesce(inputs);

        assertThat(plan.requests()).containsExactlyElementsOf(inputs);
        assertThat(plan.servedBy(2)).containsExactly(2);
    }

    @Test
    void requestedBytesCountsGapsOnceAndOverlapsOnce() {
        CoalescedRanges plan = new RangeCoalescer(10, 1000)
                .coalesce(List.of(ByteRange.of(0, 10), ByteRange.of(5, 15), ByteRange.of(20, 30), ByteRange.of(500, 510)));

        assertThat(plan.requests()).containsExactly(ByteRange.of(0, 30), ByteRange.of(500, 510));
        assertThat(plan.requestedBytes()).isEqualTo(40);
    }

    @Test
    void splitRejectsResponsesOfTheWrongLength() {
        CoalescedRanges plan = RangeCoalescer.defaults().coalesce(List.of(ByteRange.of(0, 10)));

        assertThatThrownBy(() -> plan.split(List.of(ByteBuffer.allocate(9))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("response for request [0, 10) has 9 bytes, expected 10");
    }

    @Test
    void splitHonoursResponsePosition() {
        CoalescedRanges plan = RangeCoalescer.defaults().coalesce(List.of(ByteRange.of(2, 4)));
        ByteBuffer response = ByteBuffer.wrap(new byte[] {9, 9, 2, 3}).position(2);

        assertThat(toArray(plan.split(List.of(response)).get(0))).containsExactly(2, 3);
    }

    @Test
    void rejectsInvalidLimits() {
        assertThatThrownBy(() -> new RangeCoalescer(-1, 10)).hasMessage("coalescing maxGapBytes must be >= 0, got -1");
        assertThatThrownBy(() -> new RangeCoalescer(0, 0)).hasMessageContaining("maxRequestBytes must be in [1, ");
    }

    /** Bytes whose value is the low 8 bits of their offset, so any slice can be checked. */
    private static byte[] patternBytes(ByteRange range) {
        byte[] bytes = new byte[(int) range.length()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (range.offset() + i);
        }
        return bytes;
    }

    private static byte[] toArray(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    private static Arguments plan(String name, long maxGap, long maxRequest, String inputs, String requests,
            String served) {
        return Arguments.of(name, maxGap, maxRequest, ranges(inputs), ranges(requests), served(served));
    }

    private static List<ByteRange> ranges(String spec) {
        if (spec.isBlank()) {
            return List.of();
        }
        return Arrays.stream(spec.trim().split("\\s+"))
                .map(r -> r.split("-"))
                .map(p -> ByteRange.of(Long.parseLong(p[0]), Long.parseLong(p[1])))
                .toList();
    }

    private static List<List<Integer>> served(String spec) {
        if (spec.isBlank()) {
            return List.of();
        }
        return Arrays.stream(spec.split("\\|"))
                .map(group -> Arrays.stream(group.split(",")).map(Integer::valueOf).toList())
                .toList();
    }
}
