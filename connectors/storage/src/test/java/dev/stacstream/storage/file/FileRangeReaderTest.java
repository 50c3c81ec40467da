package dev.stacstream.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stacstream.storage.ByteRange;
import dev.stacstream.storage.CountingRangeReader;
import dev.stacstream.storage.NotFoundException;
import dev.stacstream.storage.RangeCoalescer;
import dev.stacstream.storage.RangeReader;
import dev.stacstream.storage.RangeReaders;
import dev.stacstream.storage.ReadStats;
import dev.stacstream.storage.SharedClients;
import dev.stacstream.storage.StorageException;
import dev.stacstream.storage.StorageOptions;
import dev.stacstream.storage.TruncatedReadException;
import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(10)
class FileRangeReaderTest {

    private static final int FILE_LENGTH = 10_000;
    private static final SharedClients CLIENTS = new SharedClients();

    @TempDir
    Path dir;

    private Path file;
    private byte[] content;

    @BeforeEach
    void writeFile() throws IOException {
        content = new byte[FILE_LENGTH];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31 + 7);
        }
        file = Files.write(dir.resolve("band 1.tif"), content);
    }

    @AfterAll
    static void closeClients() {
        CLIENTS.close();
    }

    @ParameterizedTest(name = "[{0}, {1})")
    @CsvSource({"0, 1", "0, 10000", "4096, 8192", "9999, 10000", "123, 4567"})
    void readsExactBytes(long start, long end) throws Exception {
        try (RangeReader reader = open(file.toString())) {
            ByteBuffer bytes = reader.read(ByteRange.of(start, end)).get(5, TimeUnit.SECONDS);

            assertThat(toArray(bytes)).isEqualTo(Arrays.copyOfRange(content, (int) start, (int) end));
        }
    }

    @Test
    void aRangeOfManySlicesReadsExactlyAndLeavesNoLargeDirectBufferOnTheIoThread() throws Exception {
        byte[] big = new byte[9 * FileRangeReader.READ_SLICE_BYTES + 123];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 131 + i / 7);
        }
        Path bigFile = Files.write(dir.resolve("big.tif"), big);
        BufferPoolMXBean direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct")).findFirst().orElseThrow();
        // A fresh I/O thread: the JDK caches temporary direct buffers per thread.
        ExecutorService io = Executors.newSingleThreadExecutor();
        try (RangeReader reader = new FileRangeReader(bigFile.toString(), bigFile, io, RangeCoalescer.disabled())) {
            long before = direct.getMemoryUsed();
            ByteBuffer bytes = reader.read(ByteRange.of(5, big.length)).get(5, TimeUnit.SECONDS);

            assertThat(toArray(bytes)).isEqualTo(Arrays.copyOfRange(big, 5, big.length));
            assertThat(direct.getMemoryUsed() - before).isLessThanOrEqualTo(FileRangeReader.READ_SLICE_BYTES);
        } finally {
            io.shutdownNow();
        }
    }

    @ParameterizedTest(name = "[{0}, {1})")
    @CsvSource({"0, 100", "9990, 10100", "0, 32768", "10000, 10100", "20000, 20001"})
    void readAtMostStopsAtTheEndOfTheFileInOneRead(long start, long end) throws Exception {
        try (CountingRangeReader reader = new CountingRangeReader(open(file.toString()))) {
            ByteBuffer bytes = reader.readAtMost(ByteRange.of(start, end)).get(5, TimeUnit.SECONDS);

            assertThat(toArray(bytes)).isEqualTo(Arrays.copyOfRange(
                    content, (int) Math.min(start, FILE_LENGTH), (int) Math.min(end, FILE_LENGTH)));
            assertThat(reader.stats().requests()).isEqualTo(1);
            assertThat(reader.stats().metadataRequests()).isZero();
        }
    }

    @Test
    void opensFileUris() throws Exception {
        try (RangeReader reader = open(file.toUri().toString())) {
            assertThat(reader.size().get(5, TimeUnit.SECONDS)).isEqualTo(FILE_LENGTH);
            assertThat(toArray(reader.read(ByteRange.of(10, 20)).get(5, TimeUnit.SECONDS)))
                    .isEqualTo(Arrays.copyOfRange(content, 10, 20));
        }
    }

    @Test
    void rangePastEndOfFileIsATruncatedErrorNamingTheFileAndRange() {
        try (RangeReader reader = open(file.toString())) {
            TruncatedReadException e = failure(reader.read(ByteRange.of(9_990, 10_010)), TruncatedReadException.class);

            assertThat(e.getMessage()).isEqualTo(file + " bytes [9990, 10010): file has only 10000 bytes");
            assertThat(e.bytesReceived()).isEqualTo(10);
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.range()).isEqualTo(ByteRange.of(9_990, 10_010));
        }
    }

    @Test
    void rangeStartingPastEndOfFileIsTruncatedWithNothingReceived() {
        try (RangeReader reader = open(file.toString())) {
            TruncatedReadException e = failure(reader.read(ByteRange.of(20_000, 20_001)), TruncatedReadException.class);

            assertThat(e.bytesReceived()).isZero();
        }
    }

    @Test
    void missingFileIsNotFound() {
        Path missing = dir.resolve("missing.tif");
        try (RangeReader reader = open(missing.toString())) {
            NotFoundException e = failure(reader.read(ByteRange.of(0, 8)), NotFoundException.class);

            assertThat(e.getMessage()).isEqualTo(missing + " bytes [0, 8): no such file");
            assertThat(e.attempts()).isEqualTo(1);
        }
    }

    @Test
    void readAllCoalescesIntoFewerReadsAndKeepsTheCallerOrder() throws Exception {
        StorageOptions options = StorageOptions.builder().coalescing(100, 4096).build();
        List<ByteRange> ranges = List.of(
                ByteRange.of(5_000, 5_100), ByteRange.of(0, 100), ByteRange.of(150, 300), ByteRange.of(5_050, 5_060));
        try (CountingRangeReader reader = new CountingRangeReader(RangeReaders.open(file.toString(), options, CLIENTS))) {
            List<ByteBuffer> buffers = reader.readAll(ranges).get(5, TimeUnit.SECONDS);

            for (int i = 0; i < ranges.size(); i++) {
                ByteRange r = ranges.get(i);
                assertThat(toArray(buffers.get(i)))
                        .isEqualTo(Arrays.copyOfRange(content, (int) r.offset(), (int) r.end()));
            }
            // [0, 300) and [5000, 5100): two reads for four ranges.
            assertThat(reader.stats()).isEqualTo(new ReadStats(4, 360, 2, 400, 0, 0));
        }
    }

    @Test
    void closedReaderRefusesReads() {
        RangeReader reader = open(file.toString());
        reader.close();
        reader.close(); // idempotent

        assertThatThrownBy(() -> reader.read(ByteRange.of(0, 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(file + ": reader is closed");
        assertThatThrownBy(reader::size).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void malformedFileUriIsRejectedAtOpen() {
        assertThatThrownBy(() -> open("file://host/data.tif"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("file://host/data.tif: not a local file URI");
    }

    private static RangeReader open(String uri) {
        return RangeReaders.open(uri, StorageOptions.defaults(), CLIENTS);
    }

    private static <E extends StorageException> E failure(CompletableFuture<?> future, Class<E> type) {
        ExecutionException e = catchThrowableOfType(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
        assertThat(e.getCause()).isInstanceOf(type);
        return type.cast(e.getCause());
    }

    private static byte[] toArray(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
