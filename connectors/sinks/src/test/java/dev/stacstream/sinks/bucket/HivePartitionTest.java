package dev.stacstream.sinks.bucket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HivePartitionTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "sentinel-2-l2a                                          | sentinel-2-l2a",
        "S2B_MSIL2A_20200219T112119_N0214_R037_T29SND_20200219T123050 | S2B_MSIL2A_20200219T112119_N0214_R037_T29SND_20200219T123050",
        "2020-02-19                                              | 2020-02-19",
        "LC08_L2SP_204033_20200219_02_T1 with space              | LC08_L2SP_204033_20200219_02_T1 with space",
        "a/b                                                     | a%2Fb",
        "k=v                                                     | k%3Dv",
        "2020-02-19T11:21:19Z                                    | 2020-02-19T11%3A21%3A19Z",
        "100%                                                    | 100%25",
        "`\"#'*?\\{[]^`                                          | %22%23%27%2A%3F%5C%7B%5B%5D%5E",
        "été                                                     | été",
    })
    void escapesWhatHiveEscapes(String value, String expected) {
        assertThat(HivePartition.escape(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0, %00", "9, %09", "31, %1F", "127, %7F"})
    void escapesControlCharacters(int codePoint, String expected) {
        assertThat(HivePartition.escape(Character.toString(codePoint))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"period, 2020-02, period=2020-02", "collection, a/b, collection=a%2Fb"})
    void segmentIsKeyEqualsEscapedValue(String key, String value, String expected) {
        assertThat(HivePartition.segment(key, value)).isEqualTo(expected);
    }
}
