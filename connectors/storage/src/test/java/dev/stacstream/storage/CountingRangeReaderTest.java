package dev.stacstream.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class CountingRangeReaderTest {

    private static final byte[] DATA = bytes(1_000);

    @Test
    void countsRealRequestsAfterCoalescing() {
        InMemoryRangeReader memory = new InMemoryRangeReader("memory:tile", DATA, new RangeCoalescer(10, 500));
        CountingRangeReader counting = new CountingRangeReader(memory);

        List<ByteBuffer> buffers = counting.readAll(List.of(
                ByteRange.of(0, 100), ByteRange.of(105, 200), ByteRange.of(600, 700), ByteRange.of(0, 100)))
                .join();

        assertThat(buffers).hasSize(4);
        assertThat(buffers.get(3).get(99)).isEqualTo(DATA[99]);
        assertThat(counting.stats()).isEqualTo(new ReadStats(4, 395, 2, 300, 0));
        assertThat(counting.stats().overReadBytes()).isEqualTo(-95);
        assertThat(counting.coalescer()).isEqualTo(memory.coalescer());
    }

    @Test
    void singleReadsAreOneRequestEach() {
        CountingRangeReader counting = new CountingRangeReader(new InMemoryRangeReader(DATA));

        counting.read(ByteRange.of(0, 10)).join();
        counting.read(ByteRange.of(0, 10)).join();

        assertThat(counting.stats()).isEqualTo(new ReadStats(2, 20, 2, 20, 0));
    }

    @Test
    void countsFailedRequestsAndKeepsTheError() {
        CountingRangeReader counting = new CountingRangeReader(new InMemoryRangeReader("memory:short", DATA));

        CompletionException e = catchThrowableOfType(CompletionException.class,
                () -> counting.read(ByteRange.of(990, 1_010)).join());

        assertThat(e.getCause()).isInstanceOf(TruncatedReadException.class)
                .hasMessage("memory:short bytes [990, 1010): object has only 1000 bytes");
        assertThat(counting.stats().failedRequests()).isEqualTo(1);
        assertThat(counting.stats().bytesReceived()).isZero();
    }

    @Test
    void statsDifferenceMeasuresOnePhase() {
        CountingRangeReader counting = new CountingRangeReader(new InMemoryRangeReader(DATA));
        counting.read(ByteRange.of(0, 10)).join();
        ReadStats before = counting.stats();

        counting.readAll(List.of(ByteRange.of(100, 110), ByteRange.of(110, 120))).join();

        assertThat(counting.stats().minus(before)).isEqualTo(new ReadStats(2, 20, 1, 20, 0));
    }

    @Test
    void inMemoryReaderReturnsPrivateCopiesAndItsSize() {
        InMemoryRangeReader memory = new InMemoryRangeReader(DATA);

        ByteBuffer first = memory.read(ByteRange.of(0, 4)).join();
        first.put(0, (byte) 42);

        assertThat(memory.read(ByteRange.of(0, 4)).join().get(0)).isEqualTo(DATA[0]);
        assertThat(memory.size().join()).isEqualTo(1_000L);
        assertThat(memory.uri()).isEqualTo(InMemoryRangeReader.DEFAULT_URI);
    }

    private static byte[] bytes(int n) {
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = (byte) (i * 7);
        }
        return bytes;
    }
}
