package dev.stacstream.stac.source.reader;

import static dev.stacstream.stac.source.testing.TestItems.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.stac.model.StacItem;
import dev.stacstream.stac.source.split.StacItemSplit;

import org.apache.flink.connector.testutils.source.reader.TestingReaderContext;
import org.apache.flink.connector.testutils.source.reader.TestingReaderOutput;
import org.apache.flink.core.io.InputStatus;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

class StacSourceReaderTest {

    private static final Instant T1 = Instant.parse("2025-06-01T10:27:19.024Z");
    private static final Instant T2 = Instant.parse("2025-06-02T10:17:21Z");

    private final TestingReaderContext context = new TestingReaderContext();
    private final TestingReaderOutput<StacItem> output = new TestingReaderOutput<>();
    private final StacSourceReader reader = new StacSourceReader(context);

    @Test
    void emitsEachItemOnceWithItsDatetimeAsTimestampAndAsksForTheNextSplit() {
        // Given a started reader that received two splits
        reader.start();
        StacItem first = item("a", T1);
        StacItem second = item("b", T2);
        reader.addSplits(List.of(StacItemSplit.of(first), StacItemSplit.of(second)));

        // When it is polled until it has nothing
        List<InputStatus> statuses = List.of(reader.pollNext(output), reader.pollNext(output),
                reader.pollNext(output));

        // Then both items came out in order, and it asked for one more split once its queue was empty
        assertThat(output.getEmittedRecords()).containsExactly(first, second);
        assertThat(statuses).containsExactly(
                InputStatus.MORE_AVAILABLE, InputStatus.MORE_AVAILABLE, InputStatus.NOTHING_AVAILABLE);
        assertThat(context.getNumSplitRequests()).isEqualTo(2);
        assertThat(reader.isAvailable()).isNotDone();
        assertThat(reader.snapshotState(1)).isEmpty();
    }

    @Test
    void theRecordTimestampIsTheItemDatetime() {
        // Given a reader with one split, and an output that records timestamps
        List<Long> timestamps = new ArrayList<>();
        TestingReaderOutput<StacItem> timestamped = new TestingReaderOutput<>() {
            @Override
            public void collect(StacItem record, long timestamp) {
                timestamps.add(timestamp);
                super.collect(record, timestamp);
            }
        };
        reader.addSplits(List.of(StacItemSplit.of(item("a", T1))));

        // When it is polled
        reader.pollNext(timestamped);

        // Then the timestamp is the datetime in epoch milliseconds
        assertThat(timestamps).containsExactly(T1.toEpochMilli());
    }

    @Test
    void aSplitArrivingWhileWaitingMakesTheReaderAvailable() {
        // Given a started reader that found nothing to do
        reader.start();
        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.NOTHING_AVAILABLE);

        // When a split arrives
        reader.addSplits(List.of(StacItemSplit.of(item("a", T1))));

        // Then the reader is available again
        assertThat(reader.isAvailable()).isDone();
        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.MORE_AVAILABLE);
    }

    @Test
    void aCheckpointHoldsOnlyTheItemsNotEmittedYet() {
        // Given a reader that emitted the first of two splits
        StacItemSplit first = StacItemSplit.of(item("a", T1));
        StacItemSplit second = StacItemSplit.of(item("b", T2));
        reader.addSplits(List.of(first, second));
        reader.pollNext(output);

        // When a checkpoint is taken
        List<StacItemSplit> state = reader.snapshotState(1);

        // Then it holds only the second
        assertThat(state).containsExactly(second);
    }

    @Test
    void aRestoredReaderEmitsItsSplitsBeforeAskingForMore() {
        // Given a reader restored with one split (Flink adds restored splits before start())
        StacItem restored = item("restored", T1);
        reader.addSplits(List.of(StacItemSplit.of(restored)));

        // When it starts and is polled
        reader.start();
        assertThat(context.getNumSplitRequests()).isZero();
        reader.pollNext(output);

        // Then it emitted the restored item and only then asked for a split
        assertThat(output.getEmittedRecords()).containsExactly(restored);
        assertThat(context.getNumSplitRequests()).isEqualTo(1);
    }

    @Test
    void theInputEndsAfterTheLastSplitOnceTheEnumeratorHasNoMore() {
        // Given a reader with one split, told that no more will come
        reader.start();
        reader.addSplits(List.of(StacItemSplit.of(item("a", T1))));
        reader.notifyNoMoreSplits();

        // When it is polled twice
        InputStatus first = reader.pollNext(output);
        InputStatus second = reader.pollNext(output);

        // Then it emitted the item and then ended, without asking for another split
        assertThat(first).isEqualTo(InputStatus.MORE_AVAILABLE);
        assertThat(second).isEqualTo(InputStatus.END_OF_INPUT);
        assertThat(context.getNumSplitRequests()).isEqualTo(1);
    }
}
