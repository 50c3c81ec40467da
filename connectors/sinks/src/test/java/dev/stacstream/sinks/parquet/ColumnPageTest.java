package dev.stacstream.sinks.parquet;

import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT32;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.stream.IntStream;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;

/**
 * A page's array of values grows past its first capacity without losing a value, and a page refuses a value past
 * its row limit, naming the column, whether the values come one by one or in a run.
 */
class ColumnPageTest {

    private static final MessageType SCHEMA = Types.buildMessage()
            .required(INT32).named("items")
            .required(INT64).named("n")
            .named("t");
    private static final ColumnDescriptor ITEMS = SCHEMA.getColumns().get(0);
    private static final ColumnDescriptor N = SCHEMA.getColumns().get(1);
    /** Enough values to double the first array twice. */
    private static final int MANY = 3_000;

    @Test
    void valuesAppendedPastTheFirstCapacityAreAllEncoded() {
        IntColumnPage page = (IntColumnPage) ColumnPage.of(ITEMS, MANY, false, Encoding.PLAIN);
        int[] values = IntStream.range(0, MANY).map(i -> i * 7 - 1).toArray();

        page.append(values[0]);
        page.append(values, 1, MANY / 2);
        for (int i = MANY / 2; i < MANY; i++) {
            page.append(values[i]);
        }
        PageBytes out = new PageBytes(1);
        page.encodeValues(out);

        ByteBuffer encoded = ByteBuffer.wrap(out.array(), 0, out.size()).order(ByteOrder.LITTLE_ENDIAN);
        int[] decoded = new int[MANY];
        encoded.asIntBuffer().get(decoded);
        assertThat(out.size()).isEqualTo(MANY * Integer.BYTES);
        assertThat(decoded).isEqualTo(values);
    }

    @Test
    void aValuePastTheRowLimitFailsNamingTheColumn() {
        LongColumnPage page = (LongColumnPage) ColumnPage.of(N, 3, false, Encoding.PLAIN);
        page.appendRun(1, 2);
        page.append(2);

        assertThatIllegalStateException().isThrownBy(() -> page.append(3))
                .withMessage("column n: a page holds at most 3 rows, not 4");
        assertThatIllegalStateException().isThrownBy(() -> page.appendRun(3, 2))
                .withMessage("column n: a page holds at most 3 rows, not 5");
    }
}
