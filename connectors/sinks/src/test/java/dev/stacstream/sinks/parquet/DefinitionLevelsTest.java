package dev.stacstream.sinks.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The levels a page writes are the ones parquet-java's RLE/bit-packing decoder reads, whatever the page size. */
class DefinitionLevelsTest {

    private static final long SEED = 0x1E7E15L;

    static Stream<Arguments> pages() {
        SplittableRandom random = new SplittableRandom(SEED);
        boolean[] noise = new boolean[20_000];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random.nextInt(3) != 0;
        }
        IntPredicate all = r -> true;
        IntPredicate none = r -> false;
        IntPredicate alternating = r -> r % 2 == 0;
        IntPredicate cloudy = r -> r / 700 % 3 != 0;
        IntPredicate random2of3 = r -> noise[r];
        return Stream.of(
                Arguments.of("1 row, a value", 1, all), Arguments.of("7 rows, nulls", 7, none),
                Arguments.of("8 rows alternating", 8, alternating), Arguments.of("9 rows alternating", 9, alternating),
                Arguments.of("64 rows", 64, random2of3), Arguments.of("65 rows", 65, random2of3),
                Arguments.of("20000 rows in runs of 700", 20_000, cloudy),
                Arguments.of("20000 random rows", 20_000, random2of3), Arguments.of("20000 values", 20_000, all));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void parquetDecodesTheLevelsWritten(String name, int rows, IntPredicate hasValue) throws IOException {
        long[] defined = new long[DefinitionLevels.words(rows)];
        for (int r = 0; r < rows; r++) {
            if (hasValue.test(r)) {
                DefinitionLevels.setDefined(defined, r);
            }
        }
        PageBytes page = new PageBytes(16);

        DefinitionLevels.write(defined, rows, page);

        ByteBuffer bytes = ByteBuffer.wrap(page.array(), 0, page.size()).order(ByteOrder.LITTLE_ENDIAN);
        int length = bytes.getInt();
        assertThat(length).as("length prefix").isEqualTo(page.size() - Integer.BYTES);
        RunLengthBitPackingHybridDecoder decoder = new RunLengthBitPackingHybridDecoder(1,
                ByteBufferInputStream.wrap(bytes.slice()));
        int[] levels = new int[rows];
        int[] expected = new int[rows];
        for (int r = 0; r < rows; r++) {
            levels[r] = decoder.readInt();
            expected[r] = hasValue.test(r) ? 1 : 0;
        }
        assertThat(levels).isEqualTo(expected);
    }
}
