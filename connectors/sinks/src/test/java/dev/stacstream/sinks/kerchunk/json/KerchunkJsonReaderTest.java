package dev.stacstream.sinks.kerchunk.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stacstream.sinks.kerchunk.ChunkRef;
import dev.stacstream.sinks.kerchunk.ManifestFormatException;
import dev.stacstream.sinks.kerchunk.ReferenceSet;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading kerchunk JSON written by others: templates, metadata as strings or objects, and malformed input. */
class KerchunkJsonReaderTest {

    private static final String ZARRAY = "{\\\"chunks\\\":[2],\\\"compressor\\\":null,\\\"dtype\\\":\\\"<u2\\\","
            + "\\\"fill_value\\\":0,\\\"filters\\\":null,\\\"order\\\":\\\"C\\\",\\\"shape\\\":[4],\\\"zarr_format\\\":2}";

    private static ReferenceSet read(String json) {
        return KerchunkJsonReader.read(json.getBytes(StandardCharsets.UTF_8), "test.json");
    }

    @Test
    void templatesAreExpandedAndInlineValuesDecoded() {
        ReferenceSet refs = read("{\"version\":1,\"templates\":{\"u\":\"s3://b/f.tif\"},\"refs\":{"
                + "\"a/.zarray\":\"" + ZARRAY + "\",\"a/0\":[\"{{u}}\",10,20],\"a/1\":\"base64:AAE=\"}}");

        assertThat(refs.chunks("a")).containsEntry(0L, new ChunkRef.Range("s3://b/f.tif", 10, 20))
                .containsEntry(1L, new ChunkRef.Inline(new byte[] {0, 1}));
        assertThat(refs.arrays().get("a").shape()).containsExactly(4);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "not JSON;                {;                                         not JSON",
        "unknown version;         {\"version\":2,\"refs\":{}};               kerchunk version 2 is not 0 or 1",
        "gen;                     {\"version\":1,\"refs\":{},\"gen\":[{}]}; 'gen' references are not supported",
        "chunk without .zarray;   {\"a/0\":[\"f\",1,2]};                     chunk key 'a/0' has no .zarray at 'a'",
        "undefined template;      {\"version\":1,\"refs\":{\"a/.zarray\":\"" + ZARRAY + "\",\"a/0\":[\"{{v}}\",1,2]}};"
                + " uses undefined template {{v}}"})
    void malformedManifestsNameTheProblem(String what, String json, String problem) {
        assertThatThrownBy(() -> read(json)).as(what).isInstanceOf(ManifestFormatException.class)
                .hasMessageStartingWith("test.json: ").hasMessageContaining(problem);
    }
}
