package dev.stacstream.cog.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stacstream.cog.codec.BlockEncoding;
import dev.stacstream.cog.codec.Decompressor;
import dev.stacstream.cog.codec.DecompressorRegistry;
import dev.stacstream.cog.codec.Inflaters;
import dev.stacstream.cog.error.MalformedTiffException;
import dev.stacstream.cog.plan.BlockRef;
import dev.stacstream.cog.plan.PixelWindow;
import dev.stacstream.cog.raster.Raster;
import dev.stacstream.cog.testing.Libdeflate;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decoding into a reused raster and per-thread scratch blocks gives what decoding into new arrays gives, on both
 * inflaters, and a corrupt block fails the same way on both.
 */
class WindowDecoderReuseTest {

    private static final String URI = "mem://synthetic.tif";
    /** Two windows of one shape crossing tile edges, and one of another shape at the bottom-right corner. */
    private static final PixelWindow FIRST = new PixelWindow(10, 5, 40, 30);
    private static final PixelWindow SECOND = new PixelWindow(55, 38, 40, 30);
    private static final PixelWindow CORNER = new PixelWindow(80, 60, 20, 10);
    /** Not a zlib header: 0x3C3C is no multiple of 31. */
    private static final byte GARBAGE = 0x3C;

    enum Inflater {
        JDK(Inflaters::jdk),
        LIBDEFLATE(Libdeflate::require);

        final Supplier<Decompressor> deflate;

        Inflater(Supplier<Decompressor> deflate) {
            this.deflate = deflate;
        }

        WindowDecoder windowDecoder(boolean parallel) {
            return new WindowDecoder(new BlockDecoder(DecompressorRegistry.withDeflate(deflate.get())), parallel);
        }
    }

    @ParameterizedTest
    @EnumSource(Inflater.class)
    void aRasterOfTheWindowsShapeIsOverwrittenAndReturned(Inflater inflater) {
        for (boolean planar : new boolean[] {false, true}) {
            SyntheticLevel level = new SyntheticLevel(planar);
            WindowDecoder decoder = inflater.windowDecoder(false);
            Raster first = decode(decoder, level, FIRST, null);

            Raster second = decode(decoder, level, SECOND, first);

            assertThat(second).isSameAs(first);
            assertSamples(second, SECOND);
        }
    }

    @ParameterizedTest
    @EnumSource(Inflater.class)
    void aRasterOfAnotherShapeIsLeftAlone(Inflater inflater) {
        SyntheticLevel level = new SyntheticLevel(false);
        WindowDecoder decoder = inflater.windowDecoder(false);
        Raster first = decode(decoder, level, FIRST, null);
        byte[] before = first.data().clone();

        Raster corner = decode(decoder, level, CORNER, first);

        assertThat(corner).isNotSameAs(first);
        assertSamples(corner, CORNER);
        assertThat(first.data()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void whereNoBlockIsGivenAReusedRasterReadsZeroAsANewOneDoes(boolean planar) {
        SyntheticLevel level = new SyntheticLevel(planar);
        WindowDecoder decoder = Inflater.JDK.windowDecoder(false);
        Raster reused = decode(decoder, level, SECOND, null);
        List<BlockRef> withoutFirst = level.refs(FIRST).subList(1, level.refs(FIRST).size());

        Raster gap = decoder.decode(level.encoding, FIRST, withoutFirst, level.stored(withoutFirst), null, URI, reused);
        Raster fresh = decoder.decode(level.encoding, FIRST, withoutFirst, level.stored(withoutFirst), null, URI);

        assertThat(gap).isSameAs(reused);
        assertThat(gap.data()).isEqualTo(fresh.data());
        assertThat(gap.getDouble(0, 0, 0)).isZero();
        assertThat(gap.getDouble(1, FIRST.height() - 1, FIRST.width() - 1))
                .isEqualTo(SyntheticLevel.value(1, FIRST.colEnd() - 1, FIRST.rowEnd() - 1));
    }

    @ParameterizedTest
    @EnumSource(Inflater.class)
    void eachThreadDecodesItsBlocksIntoOneScratchArray(Inflater inflater) {
        SyntheticLevel level = new SyntheticLevel(false);
        List<byte[]> scratches = Collections.synchronizedList(new ArrayList<>());
        Decompressor deflate = inflater.deflate.get();
        Decompressor recording = new Decompressor() {
            @Override
            public byte[] decompress(byte[] src, int offset, int length, BlockEncoding encoding) {
                return decompress(src, offset, length, encoding, null);
            }

            @Override
            public byte[] decompress(byte[] src, int offset, int length, BlockEncoding encoding, byte[] scratch) {
                scratches.add(scratch);
                return deflate.decompress(src, offset, length, encoding, scratch);
            }
        };
        WindowDecoder decoder = new WindowDecoder(new BlockDecoder(
                DecompressorRegistry.defaults().with(DecompressorRegistry.DEFLATE, recording)), false);

        Raster first = decode(decoder, level, FIRST, null);
        Raster second = decode(decoder, level, SECOND, null);

        assertSamples(first, FIRST);
        assertSamples(second, SECOND);
        assertThat(scratches).hasSize(level.refs(FIRST).size() + level.refs(SECOND).size());
        assertThat(scratches.get(0)).isNull();
        Set<byte[]> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        distinct.addAll(scratches.subList(1, scratches.size()));
        assertThat(distinct).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Inflater.class)
    void parallelDecodingIntoAReusedRasterGivesTheSamePixels(Inflater inflater) {
        SyntheticLevel level = new SyntheticLevel(true);
        WindowDecoder decoder = inflater.windowDecoder(true);
        Raster reused = decode(decoder, level, FIRST, null);

        for (int round = 0; round < 3; round++) {
            assertSamples(decode(decoder, level, round % 2 == 0 ? SECOND : FIRST, reused), round % 2 == 0 ? SECOND : FIRST);
        }
    }

    @ParameterizedTest
    @EnumSource(Inflater.class)
    void aCorruptBlockNamesTheFileBlockAndByteRange(Inflater inflater) {
        SyntheticLevel level = new SyntheticLevel(false);
        List<BlockRef> refs = level.refs(FIRST);
        List<ByteBuffer> stored = new ArrayList<>(level.stored(refs));
        BlockRef damaged = refs.get(1);
        ByteBuffer block = stored.get(1);
        byte[] garbage = new byte[block.remaining()];
        Arrays.fill(garbage, GARBAGE);
        stored.set(1, ByteBuffer.wrap(garbage));

        assertThatThrownBy(() -> inflater.windowDecoder(false).decode(level.encoding, FIRST, refs, stored, null, URI))
                .isInstanceOf(MalformedTiffException.class)
                .hasMessage(URI + ": IFD 0, block " + damaged.index() + ", bytes " + damaged.range() + ": DEFLATE block"
                        + " does not decode: DEFLATE stream of " + block.remaining() + " bytes is corrupt after 0 of "
                        + SyntheticLevel.TILE * SyntheticLevel.TILE * SyntheticLevel.BANDS * Short.BYTES
                        + " decoded bytes: incorrect header check");
    }

    private static Raster decode(WindowDecoder decoder, SyntheticLevel level, PixelWindow window, Raster reuse) {
        List<BlockRef> refs = level.refs(window);
        return decoder.decode(level.encoding, window, refs, level.stored(refs), null, URI, reuse);
    }

    /** Every sample of the raster is the synthetic level's value at its place in the window. */
    private static void assertSamples(Raster raster, PixelWindow window) {
        assertThat(List.of(raster.bands(), raster.width(), raster.height()))
                .containsExactly(SyntheticLevel.BANDS, window.width(), window.height());
        for (int band = 0; band < raster.bands(); band++) {
            for (int row = 0; row < window.height(); row++) {
                for (int col = 0; col < window.width(); col++) {
                    int expected = SyntheticLevel.value(band, window.col() + col, window.row() + row);
                    if (raster.getDouble(band, row, col) != expected) {
                        assertThat(raster.getDouble(band, row, col)).as("band %d, window row %d col %d of %s", band,
                                row, col, window).isEqualTo(expected);
                    }
                }
            }
        }
    }
}
