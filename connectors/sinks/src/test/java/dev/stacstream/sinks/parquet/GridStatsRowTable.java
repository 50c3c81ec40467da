package dev.stacstream.sinks.parquet;

import dev.stacstream.sinks.geo.GeoParquetMetadata;
import dev.stacstream.sinks.geo.RectangleWkb;
import dev.stacstream.sinks.row.BandStats;
import dev.stacstream.sinks.row.GridCell;
import dev.stacstream.sinks.row.GridStatsRow;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.schema.MessageType;

/**
 * Test oracle: the {@code grid_stats} table written one row at a time, value by value through the
 * {@link RecordEmitter}, as the sink did before it took batches. Same schema, encodings and footer as
 * {@link GridStatsTable}; the batch encoder must produce the same files from the same rows.
 */
final class GridStatsRowTable implements TableFormat<GridStatsRow> {

    private static final long serialVersionUID = 1L;

    private final GridStatsTable table = new GridStatsTable();

    @Override
    public String tableName() {
        return table.tableName();
    }

    @Override
    public MessageType schema() {
        return table.schema();
    }

    @Override
    public Set<String> columnsWithoutStatistics() {
        return table.columnsWithoutStatistics();
    }

    @Override
    public Encoding valuesEncoding(String column) {
        return table.valuesEncoding(column);
    }

    @Override
    public FileEncoder<GridStatsRow> newFileEncoder() {
        GeoParquetMetadata geo = new GeoParquetMetadata(GridStatsTable.GEOMETRY);
        return new FileEncoder<>() {
            @Override
            public void write(GridStatsRow row, ColumnSink sink) throws IOException {
                GridCell cell = row.cell();
                BandStats stats = row.stats();
                sink.record().start()
                        .string(row.collection())
                        .string(row.tile())
                        .string(row.period().label())
                        .timestampMicros(row.period().start())
                        .timestampMicros(row.period().end())
                        .string(row.band())
                        .int64(cell.cellX())
                        .int64(cell.cellY())
                        .float64(cell.centreX())
                        .float64(cell.centreY())
                        .string(row.crs())
                        .int64(stats.countTotal())
                        .int64(stats.countValid())
                        .float64OrNull(stats.mean())
                        .float64OrNull(stats.min())
                        .float64OrNull(stats.max())
                        .float64OrNull(stats.std())
                        .float64OrNull(stats.sum())
                        .int32(row.items())
                        .bytes(RectangleWkb.encode(cell.minX(), cell.minY(), cell.maxX(), cell.maxY()))
                        .end();
                geo.add(row.crs(), cell.minX(), cell.minY(), cell.maxX(), cell.maxY());
            }

            @Override
            public Map<String, String> footerMetadata() {
                return Map.of(GeoParquetMetadata.KEY, geo.toJson());
            }
        };
    }
}
