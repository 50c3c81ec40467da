package dev.stacstream.sinks.kerchunk.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.cog.CogFile;
import dev.stacstream.cog.testing.TestCorpus;
import dev.stacstream.sinks.kerchunk.ChunkRef;
import dev.stacstream.sinks.kerchunk.LocalManifestStore;
import dev.stacstream.sinks.kerchunk.ReferenceSet;
import dev.stacstream.sinks.kerchunk.item.AssetSource;
import dev.stacstream.sinks.kerchunk.item.ChunkInliner;
import dev.stacstream.sinks.kerchunk.item.ItemManifestBuilder;
import dev.stacstream.sinks.kerchunk.item.RangeReaderChunkBytes;
import dev.stacstream.sinks.kerchunk.json.KerchunkJsonReader;
import dev.stacstream.sinks.kerchunk.json.KerchunkJsonWriter;
import dev.stacstream.sinks.testing.DuckDb;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parquet references of two real COGs (Sentinel-2 B04 and SCL, every level, the smallest SCL tiles inlined) read
 * back with DuckDB and with {@link ParquetReferenceReader}: the schema, exactly {@code record_size} rows per file with
 * null padding, and every row equal to the JSON form of the same references.
 */
class ParquetReferencesDuckDbTest {

    /** Small, so every array spans several record files and ends in padding. */
    private static final int RECORD_SIZE = 7;
    /** SCL's overview tiles of 39 to 85 bytes get inlined (binary, so base64 in JSON and raw in Parquet). */
    private static final int INLINE_THRESHOLD = 80;

    @TempDir
    static Path tmp;
    private static ReferenceSet refs;
    private static Path root;

    @BeforeAll
    static void writeBothForms() {
        Path dir = TestCorpus.require().resolve("rasters/sentinel2/S2A_29RKH_20200219_0_L2A/B04.tif").getParent();
        ItemManifestBuilder builder = ItemManifestBuilder.forFiles()
                .inline(new ChunkInliner(INLINE_THRESHOLD, RangeReaderChunkBytes.defaults()));
        for (String name : List.of("B04", "SCL")) {
            try (CogFile cog = CogFile.open(dir.resolve(name + ".tif").toString())) {
                builder.add(AssetSource.of(name, dir.resolve(name + ".tif").toString(), cog));
            }
        }
        refs = builder.build().references();
        root = tmp.resolve("refs.parq");
        ParquetReferenceWriter.write(refs, new LocalManifestStore(root), RECORD_SIZE);
    }

    @Test
    void recordFilesHaveKerchunksColumns() throws SQLException {
        try (DuckDb db = new DuckDb()) {
            List<Map<String, Object>> columns = db.query("DESCRIBE SELECT * FROM read_parquet(?)",
                    root.resolve("B04/0/refs.0.parq").toString());
            assertThat(columns).extracting(c -> c.get("column_name") + " " + c.get("column_type"))
                    .containsExactly("path VARCHAR", "offset BIGINT", "size BIGINT", "raw BLOB");
        }
    }

    @Test
    void everyRowMatchesTheJsonFormAndPaddingIsNull() throws SQLException {
        ReferenceSet json = KerchunkJsonReader.read(KerchunkJsonWriter.toBytes(refs), "json");
        long inlined = 0;
        try (DuckDb db = new DuckDb()) {
            for (Map.Entry<String, ?> array : json.arrays().entrySet()) {
                String path = array.getKey();
                long chunks = json.arrays().get(path).grid().size();
                long records = ParquetLayout.records(chunks, RECORD_SIZE);
                for (long r = 0; r < records; r++) {
                    List<Map<String, Object>> rows = db.query("SELECT path, \"offset\", size, raw FROM read_parquet(?,"
                            + " file_row_number = true) ORDER BY file_row_number",
                            root.resolve(ParquetLayout.recordPath(path, r)).toString());
                    assertThat(rows).as("%s record %d", path, r).hasSize(RECORD_SIZE);
                    for (int i = 0; i < RECORD_SIZE; i++) {
                        long n = r * RECORD_SIZE + i;
                        ChunkRef expected = n < chunks ? json.chunks(path).get(n) : null;
                        Map<String, Object> row = rows.get(i);
                        String what = path + " chunk " + n;
                        if (expected instanceof ChunkRef.Range range) {
                            assertThat(row).as(what).containsEntry("path", range.url())
                                    .containsEntry("offset", range.offset()).containsEntry("size", range.length())
                                    .containsEntry("raw", null);
                        } else if (expected instanceof ChunkRef.Inline inline) {
                            assertThat((byte[]) row.get("raw")).as(what).isEqualTo(inline.data());
                            assertThat(row).as(what).containsEntry("path", null);
                            inlined++;
                        } else {
                            assertThat(row).as(what).containsEntry("path", null).containsEntry("raw", null)
                                    .containsEntry("offset", 0L).containsEntry("size", 0L);
                        }
                    }
                }
            }
        }
        assertThat(inlined).isPositive();
    }

    @Test
    void ourReaderReadsBackTheSameReferenceSetAsTheJsonForm() {
        ParquetReferenceReader reader = ParquetReferenceReader.open(new LocalManifestStore(root)).orElseThrow();

        assertThat(reader.recordSize()).isEqualTo(RECORD_SIZE);
        assertThat(reader.readAll()).isEqualTo(KerchunkJsonReader.read(KerchunkJsonWriter.toBytes(refs), "json"));
    }

    @Test
    void zmetadataHoldsParsedMetadataAndTheRecordSize() throws SQLException {
        try (DuckDb db = new DuckDb()) {
            Object recordSize = db.scalar("SELECT json_extract(j, '$.record_size')::INT FROM read_json_objects(?) t(j)",
                    root.resolve(".zmetadata").toString());
            Object dtype = db.scalar("SELECT json_extract_string(j, '$.metadata.\"B04/0/.zarray\".dtype') FROM"
                    + " read_json_objects(?) t(j)", root.resolve(".zmetadata").toString());
            assertThat(recordSize).isEqualTo(RECORD_SIZE);
            assertThat(dtype).isEqualTo("<u2");
        }
    }
}
