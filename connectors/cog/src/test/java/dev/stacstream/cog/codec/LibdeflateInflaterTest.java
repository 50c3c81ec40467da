package dev.stacstream.cog.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stacstream.cog.testing.Libdeflate;
import dev.stacstream.cog.testing.ZlibStreams;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The native side of the libdeflate path: buffer reuse and growth, results, closing and thread confinement. */
class LibdeflateInflaterTest {

    private static final long SEED = 31L;
    private static final int SMALL = 1_000;
    /** Larger than the 64 KiB the buffers start with. */
    private static final int LARGE = 300_000;
    /** The power of two the buffers grow to for {@link #LARGE} bytes. */
    private static final long LARGE_BUFFER = 512 * 1024;

    private LibdeflateLibrary library;

    @BeforeEach
    void loadLibrary() {
        Libdeflate.require();
        library = LibdeflateLibrary.load(Inflaters.LIBRARY_NAMES);
    }

    @Test
    void buffersGrowToThePowerOfTwoAboveTheLargestBlockAndStay() {
        byte[] small = TestBlocks.Pattern.RANDOM.fill(SMALL, SEED);
        byte[] large = TestBlocks.Pattern.RANDOM.fill(LARGE, SEED);
        try (LibdeflateInflater inflater = new LibdeflateInflater(library)) {
            long initial = inflater.bufferBytes();

            byte[] smallOut = inflate(inflater, ZlibStreams.deflate(small), SMALL);
            byte[] largeOut = inflate(inflater, ZlibStreams.deflate(large), LARGE);
            long grown = inflater.bufferBytes();
            byte[] smallAgain = inflate(inflater, ZlibStreams.deflate(small), SMALL);

            assertThat(smallOut).isEqualTo(small);
            assertThat(largeOut).isEqualTo(large);
            assertThat(smallAgain).isEqualTo(small);
            assertThat(initial).isEqualTo(2 * 64 * 1024);
            // Random bytes do not compress: the stream is a little larger than the data, and both buffers grow.
            assertThat(grown).isEqualTo(2 * LARGE_BUFFER);
            assertThat(inflater.bufferBytes()).isEqualTo(grown);
        }
    }

    @Test
    void reportsTheLibdeflateResultAndLeavesTheOutputAloneOnFailure() {
        byte[] data = TestBlocks.Pattern.GRADIENT.fill(SMALL, SEED);
        byte[] stream = ZlibStreams.deflate(data);
        byte[] out = new byte[SMALL];
        Arrays.fill(out, (byte) 7);
        try (LibdeflateInflater inflater = new LibdeflateInflater(library)) {
            assertThat(inflater.inflate(stream, 0, stream.length, out, SMALL / 2))
                    .isEqualTo(LibdeflateLibrary.INSUFFICIENT_SPACE);
            assertThat(inflater.inflate(stream, 0, stream.length / 2, out, SMALL)).isEqualTo(LibdeflateLibrary.BAD_DATA);
            assertThat(out).containsOnly(7);

            assertThat(inflater.inflate(stream, 0, stream.length, out, SMALL * 2)).isEqualTo(LibdeflateLibrary.SUCCESS);
            assertThat(inflater.produced()).isEqualTo(SMALL);
        }
    }

    @Test
    void aClosedInflaterRefusesWork() {
        byte[] stream = ZlibStreams.deflate(new byte[SMALL]);
        LibdeflateInflater inflater = new LibdeflateInflater(library);
        inflater.close();
        inflater.close();

        assertThatThrownBy(() -> inflater.inflate(stream, 0, stream.length, new byte[SMALL], SMALL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("this libdeflate inflater is closed");
    }

    @Test
    void onlyTheCreatingThreadMayUseIt() {
        byte[] stream = ZlibStreams.deflate(new byte[SMALL]);
        try (LibdeflateInflater inflater = new LibdeflateInflater(library)) {
            CompletableFuture<Integer> elsewhere = CompletableFuture.supplyAsync(
                    () -> inflater.inflate(stream, 0, stream.length, new byte[SMALL], SMALL));

            assertThatThrownBy(elsewhere::join)
                    .isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(IllegalStateException.class)
                    .hasRootCauseMessage("Attempted access outside owning thread");
        }
    }

    private static byte[] inflate(LibdeflateInflater inflater, byte[] stream, int size) {
        byte[] out = new byte[size];
        assertThat(inflater.inflate(stream, 0, stream.length, out, size)).isEqualTo(LibdeflateLibrary.SUCCESS);
        assertThat(inflater.produced()).isEqualTo(size);
        return out;
    }
}
