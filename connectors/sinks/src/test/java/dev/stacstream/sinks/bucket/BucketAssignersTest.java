package dev.stacstream.sinks.bucket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.sinks.row.ErrorRow;
import dev.stacstream.sinks.row.ErrorStage;
import dev.stacstream.sinks.row.GridStatsRow;
import dev.stacstream.sinks.row.OutputPeriod;
import dev.stacstream.sinks.testing.RowBatches;
import dev.stacstream.sinks.testing.SampleRows;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class BucketAssignersTest {

    /** A context whose clocks are far from every row's event time: the bucket must not depend on them. */
    private static final BucketAssigner.Context WALL_CLOCK_1999 = new BucketAssigner.Context() {
        @Override
        public long currentProcessingTime() {
            return Instant.parse("1999-12-31T12:00:00Z").toEpochMilli();
        }

        @Override
        public long currentWatermark() {
            return Instant.parse("1999-12-31T00:00:00Z").toEpochMilli();
        }

        @Override
        public Long timestamp() {
            return null;
        }
    };

    static Stream<Arguments> periods() {
        return Stream.of(
                Arguments.of(OutputPeriod.day(LocalDate.of(2020, 2, 19)), "collection=sentinel-2-l2a/period=2020-02-19"),
                Arguments.of(OutputPeriod.month(YearMonth.of(2020, 2)), "collection=sentinel-2-l2a/period=2020-02"),
                Arguments.of(OutputPeriod.item("S2B_29SND_20200219_0_L2A", Instant.parse("2020-02-19T11:21:19Z")),
                        "collection=sentinel-2-l2a/period=S2B_29SND_20200219_0_L2A"),
                Arguments.of(OutputPeriod.item("odd:id/1", Instant.parse("2020-02-19T11:21:19Z")),
                        "collection=sentinel-2-l2a/period=odd%3Aid%2F1"));
    }

    @ParameterizedTest
    @MethodSource("periods")
    void gridStatsGoToCollectionAndPeriodOfTheRow(OutputPeriod period, String expected) {
        GridStatsRow sample = SampleRows.gridStats(1);
        GridStatsRow row = new GridStatsRow("sentinel-2-l2a", sample.tile(), period, sample.band(), sample.cell(),
                sample.crs(), sample.stats(), 1);

        assertThat(new GridStatsBucketAssigner().getBucketId(RowBatches.batch(List.of(row)), WALL_CLOCK_1999))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "2024-05-01T00:00:00Z, date=2024-05-01",
        "2024-05-01T23:59:59.999999Z, date=2024-05-01",
        "2024-05-02T00:00:00Z, date=2024-05-02",
        "2024-12-31T23:30:00Z, date=2024-12-31",
    })
    void errorsGoToTheUtcDateOfTheirTime(String time, String expected) {
        ErrorRow row = ErrorRow.of("item", ErrorStage.READ, "io", "reset", Instant.parse(time));

        assertThat(new ErrorDateBucketAssigner().getBucketId(row, WALL_CLOCK_1999)).isEqualTo(expected);
    }

    @Test
    void bucketIdsSurviveTheirSerializer() throws IOException {
        SimpleVersionedSerializer<String> serializer = new GridStatsBucketAssigner().getSerializer();
        String bucket = "collection=sentinel-2-l2a/period=été%3A1";

        assertThat(serializer.deserialize(serializer.getVersion(), serializer.serialize(bucket))).isEqualTo(bucket);
    }
}
