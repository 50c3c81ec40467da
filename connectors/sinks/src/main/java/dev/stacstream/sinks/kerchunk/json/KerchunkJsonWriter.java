package dev.stacstream.sinks.kerchunk.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.stacstream.sinks.kerchunk.ChunkRef;
import dev.stacstream.sinks.kerchunk.ReferenceSet;
import dev.stacstream.sinks.kerchunk.zarr.PythonJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes a {@link ReferenceSet} as kerchunk JSON version 1 ({@code {"version":1,"refs":{...}}}, spec §1.1):
 * metadata documents as tifffile-style pretty JSON strings, chunks as {@code [url, offset, length]} or inline text,
 * in a deterministic order (metadata keys sorted, then arrays by path and chunks by number).
 */
public final class KerchunkJsonWriter {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final int KERCHUNK_VERSION = 1;

    private KerchunkJsonWriter() {}

    /** The UTF-8 JSON text of {@code refs}. */
    public static byte[] toBytes(ReferenceSet refs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(refs, out);
        return out.toByteArray();
    }

    /** Writes {@code refs} to {@code out} (not closed). */
    public static void write(ReferenceSet refs, OutputStream out) {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeNumberField("version", KERCHUNK_VERSION);
            g.writeObjectFieldStart("refs");
            for (Map.Entry<String, com.fasterxml.jackson.databind.node.ObjectNode> e : refs.metadata().entrySet()) {
                g.writeStringField(e.getKey(), PythonJson.pretty(e.getValue()));
            }
            for (String path : refs.arrays().keySet()) {
                for (Map.Entry<Long, ChunkRef> e : refs.chunks(path).entrySet()) {
                    g.writeFieldName(refs.chunkKey(path, e.getKey()));
                    writeRef(g, e.getValue());
                }
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write kerchunk JSON", e);
        }
    }

    private static void writeRef(JsonGenerator g, ChunkRef ref) throws IOException {
        if (ref instanceof ChunkRef.Range r) {
            g.writeStartArray();
            g.writeString(r.url());
            g.writeNumber(r.offset());
            g.writeNumber(r.length());
            g.writeEndArray();
        } else if (ref instanceof ChunkRef.Inline i) {
            g.writeString(i.jsonText());
        }
    }
}
