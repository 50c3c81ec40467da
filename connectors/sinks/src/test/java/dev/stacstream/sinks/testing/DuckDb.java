package dev.stacstream.sinks.testing;

import java.sql.Blob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory DuckDB that answers queries as lists of rows (column label to JDBC value, BLOBs as {@code byte[]}),
 * for reading back what the sinks wrote.
 */
public final class DuckDb implements AutoCloseable {

    private final Connection connection;

    public DuckDb() throws SQLException {
        this.connection = DriverManager.getConnection("jdbc:duckdb:");
    }

    /** All rows of {@code sql}, with its {@code ?} parameters bound to {@code params} in order. */
    public List<Map<String, Object>> query(String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        Object value = rs.getObject(c);
                        row.put(meta.getColumnLabel(c), value instanceof Blob blob ? bytes(blob) : value);
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    /** The single value of a one-row, one-column query. */
    public Object scalar(String sql, Object... params) throws SQLException {
        List<Map<String, Object>> rows = query(sql, params);
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new IllegalStateException("expected one value from " + sql + " but got " + rows);
        }
        return rows.get(0).values().iterator().next();
    }

    /** Runs a statement that returns no rows (e.g. {@code SET}). */
    public void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** {@code read_parquet} over every part file under {@code tableDir}, with Hive partition columns. */
    public static String readTable(java.nio.file.Path tableDir) {
        return "read_parquet(" + literal(tableDir + "/**/*.parquet") + ", hive_partitioning = true)";
    }

    /** A SQL string literal for {@code text}. */
    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static byte[] bytes(Blob blob) throws SQLException {
        return blob.getBytes(1, Math.toIntExact(blob.length()));
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
