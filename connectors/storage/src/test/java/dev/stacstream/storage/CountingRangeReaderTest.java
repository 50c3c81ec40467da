package dev.stacstream.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        assertThat(counting.stats()).isEqualTo(new ReadStats(4, 395, 2, 300, 0, 0));
        assertThat(counting.stats().overReadBytes()).isEqualTo(-95);
        assertThat(counting.coalescer()).isEqualTo(memory.coalescer());
    }

    @Test
    void singleReadsAreOneRequestEach() {
        CountingRangeReader counting = new CountingRangeReader(new InMemoryRangeReader(DATA));

        counting.read(ByteRange.of(0, 10)).join();
        counting.read(ByteRange.of(0, 10)).join();

        assertThat(counting.stats()).isEqualTo(new ReadStats(2, 20, 2, 20, 0, 0));
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

        assertThat(counting.stats().minus(before)).isEqualTo(new ReadStats(2, 20, 1, 20, 0, 0));
    }

    @ParameterizedTest(name = "[{0}, {1}) of 1000 bytes -> {2} bytes in {3} requests")
    @CsvSource({"0, 100, 100, 1", "900, 1100, 100, 1", "0, 5000, 1000, 1", "1000, 1100, 0, 0", "2000, 2100, 0, 0"})
    void readAtMostOfAKnownSizeIsClampedBeforeTheRequest(long start, long end, int length, int requests) {
        CountingRangeReader counting = new CountingRangeReader(new InMemoryRangeReader(DATA));

        ByteBuffer buffer = counting.readAtMost(ByteRange.of(start, end)).join();

        assertThat(buffer.remaining()).isEqualTo(length);
        if (length > 0) {
            assertThat(buffer.get(0)).isEqualTo(DATA[(int) start]);
        }
        assertThat(counting.stats()).isEqualTo(new ReadStats(1, length, requests, length, 0, 0));
    }

    @Test
    void sizeLookupsThatReachTheBackendAreMetadataRequestsCountedOnce() {
        RemoteLikeReader remote = new RemoteLikeReader(DATA);
        CountingRangeReader counting = new CountingRangeReader(remote);

        assertThat(counting.size().join()).isEqualTo(1_000L);
        assertThat(counting.size().join()).isEqualTo(1_000L);

        assertThat(counting.stats().metadataRequests()).isEqualTo(1);
        assertThat(remote.sizeLookups).hasValue(1);
    }

    @Test
    void aClampedReadIsOneRequestAndTheSizeItReportedSavesTheMetadataRequest() {
        RemoteLikeReader remote = new RemoteLikeReader(DATA);
        CountingRangeReader counting = new CountingRangeReader(remote);

        ByteBuffer tail = counting.readAtMost(ByteRange.of(900, 1_100)).join();

        assertThat(tail.remaining()).isEqualTo(100);
        assertThat(counting.size().join()).isEqualTo(1_000L);
        assertThat(counting.stats()).isEqualTo(new ReadStats(1, 100, 1, 100, 0, 0));
        assertThat(remote.clampedFetches).hasValue(1);
        assertThat(remote.sizeLookups).hasValue(0);
    }

    @Test
    void aClampedReadPastTheEndOfABackendThatDoesNotSayTheSizeLeavesItUnknown() {
        RemoteLikeReader remote = new RemoteLikeReader(DATA, false);
        CountingRangeReader counting = new CountingRangeReader(remote);

        assertThat(counting.readAtMost(ByteRange.of(1_000, 1_100)).join().remaining()).isZero();
        assertThat(counting.size().join()).isEqualTo(1_000L);

        assertThat(counting.stats()).isEqualTo(new ReadStats(1, 0, 1, 0, 0, 1));
    }

    @Test
    void onceTheSizeIsKnownReadAtMostClampsWithoutAskingTheBackendWhereTheObjectEnds() {
        RemoteLikeReader remote = new RemoteLikeReader(DATA);
        CountingRangeReader counting = new CountingRangeReader(remote);
        counting.size().join();

        assertThat(counting.readAtMost(ByteRange.of(1_000, 1_100)).join().remaining()).isZero();
        assertThat(counting.readAtMost(ByteRange.of(900, 1_100)).join().remaining()).isEqualTo(100);

        assertThat(counting.stats()).isEqualTo(new ReadStats(2, 100, 1, 100, 0, 1));
        assertThat(remote.clampedFetches).hasValue(0);
    }

    @Test
    void aFailedReadAtMostCountsTheWholeRangeAndTheFailure() {
        CountingRangeReader counting = new CountingRangeReader(new RemoteLikeReader(DATA) {
            @Override
            protected CompletableFuture<ByteBuffer> fetchAtMost(ByteRange range) {
                return CompletableFuture.failedFuture(new TransientStorageException(uri(), range, "HTTP 503", null));
            }
        });

        CompletionException e = catchThrowableOfType(CompletionException.class,
                () -> counting.readAtMost(ByteRange.of(0, 300)).join());

        assertThat(e.getCause()).isInstanceOf(TransientStorageException.class);
        assertThat(counting.stats()).isEqualTo(new ReadStats(1, 300, 1, 0, 1, 0));
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

    /**
     * A fake remote object: like HTTP and S3 it does not know its size until a lookup, or until a clamped read's
     * response tells it ({@code reportsSizeWhenEmpty} = false plays s3proxy's bare 416, which names no size).
     */
    private static class RemoteLikeReader extends CoalescingRangeReader {
        final AtomicInteger sizeLookups = new AtomicInteger();
        final AtomicInteger clampedFetches = new AtomicInteger();
        private final byte[] data;
        private final boolean reportsSizeWhenEmpty;
        private volatile boolean sizeKnown;

        RemoteLikeReader(byte[] data) {
            this(data, true);
        }

        RemoteLikeReader(byte[] data, boolean reportsSizeWhenEmpty) {
            super(RangeCoalescer.disabled());
            this.data = data;
            this.reportsSizeWhenEmpty = reportsSizeWhenEmpty;
        }

        @Override
        public String uri() {
            return "fake://remote/object";
        }

        @Override
        protected CompletableFuture<ByteBuffer> fetch(ByteRange range) {
            return new InMemoryRangeReader(uri(), data).read(range);
        }

        @Override
        protected CompletableFuture<ByteBuffer> fetchAtMost(ByteRange range) {
            clampedFetches.incrementAndGet();
            Optional<ByteRange> within = range.clampTo(data.length);
            sizeKnown |= within.isPresent() || reportsSizeWhenEmpty;
            return within.map(this::fetch).orElseGet(CoalescingRangeReader::nothing);
        }

        @Override
        public OptionalLong knownSize() {
            return sizeKnown ? OptionalLong.of(data.length) : OptionalLong.empty();
        }

        @Override
        public CompletableFuture<Long> size() {
            sizeLookups.incrementAndGet();
            sizeKnown = true;
            return CompletableFuture.completedFuture((long) data.length);
        }

        @Override
        public void close() {}
    }

    private static byte[] bytes(int n) {
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = (byte) (i * 7);
        }
        return bytes;
    }
}
