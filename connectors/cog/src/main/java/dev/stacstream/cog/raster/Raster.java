package dev.stacstream.cog.raster;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Decoded pixels of a window: {@code bands x height x width} samples of one {@link DataType}, stored
 * band-sequential and little-endian in one array (the layout of the CLI's {@code read} output and of
 * numpy's {@code (bands, rows, cols)} arrays).
 */
public final class Raster {

    private final DataType dataType;
    private final int bands;
    private final int width;
    private final int height;
    private final byte[] data;

    public Raster(DataType dataType, int bands, int width, int height) {
        this(dataType, bands, width, height, new byte[Math.toIntExact((long) bands * width * height * dataType.bytes())]);
    }

    public Raster(DataType dataType, int bands, int width, int height, byte[] data) {
        long expected = (long) bands * width * height * dataType.bytes();
        if (data.length != expected) {
            throw new IllegalArgumentException("raster of " + bands + "x" + height + "x" + width + " " + dataType
                    + " needs " + expected + " bytes, got " + data.length);
        }
        this.dataType = dataType;
        this.bands = bands;
        this.width = width;
        this.height = height;
        this.data = data;
    }

    public DataType dataType() {
        return dataType;
    }

    public int bands() {
        return bands;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Whether this raster holds {@code bands x height x width} samples of {@code type}. */
    public boolean hasShape(DataType type, int bands, int width, int height) {
        return dataType == type && this.bands == bands && this.width == width && this.height == height;
    }

    /** The backing array, band-sequential little-endian (not a copy). */
    public byte[] data() {
        return data;
    }

    /** A copy of the samples, band-sequential little-endian. */
    public byte[] toLittleEndianBandSequential() {
        return data.clone();
    }

    /** Byte offset of a sample in {@link #data()}. */
    public int offsetOf(int band, int row, int col) {
        return ((band * height + row) * width + col) * dataType.bytes();
    }

    /** A sample as a double (64-bit integers beyond 2^53 lose precision). */
    public double getDouble(int band, int row, int col) {
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int at = offsetOf(band, row, col);
        return switch (dataType) {
            case UINT8 -> b.get(at) & 0xff;
            case INT8 -> b.get(at);
            case UINT16 -> b.getShort(at) & 0xffff;
            case INT16 -> b.getShort(at);
            case UINT32 -> b.getInt(at) & 0xffffffffL;
            case INT32 -> b.getInt(at);
            case UINT64 -> unsignedToDouble(b.getLong(at));
            case INT64 -> b.getLong(at);
            case FLOAT16 -> Float16.toFloat(b.getShort(at));
            case FLOAT32 -> b.getFloat(at);
            case FLOAT64 -> b.getDouble(at);
        };
    }

    private static double unsignedToDouble(long v) {
        return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
    }
}
