package dev.stacstream.cog.tiff;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds {@link Ifd}s by hand for unit tests of the layers above the parser. */
public final class IfdBuilder {

    private final Map<Integer, TiffField> fields = new LinkedHashMap<>();
    private int index;
    private long offset = 8;

    public static IfdBuilder ifd() {
        return new IfdBuilder();
    }

    public IfdBuilder index(int ifdIndex) {
        this.index = ifdIndex;
        return this;
    }

    public IfdBuilder offset(long ifdOffset) {
        this.offset = ifdOffset;
        return this;
    }

    public IfdBuilder longs(int tag, long... values) {
        fields.put(tag, new TiffField(tag, FieldType.LONG, values.length, values, null, null));
        return this;
    }

    public IfdBuilder doubles(int tag, double... values) {
        fields.put(tag, new TiffField(tag, FieldType.DOUBLE, values.length, null, values, null));
        return this;
    }

    public IfdBuilder ascii(int tag, String value) {
        byte[] bytes = (value + "\0").getBytes(StandardCharsets.ISO_8859_1);
        long[] longs = new long[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            longs[i] = bytes[i] & 0xff;
        }
        fields.put(tag, new TiffField(tag, FieldType.ASCII, bytes.length, longs, null, bytes));
        return this;
    }

    /** A tiled single-band image with sequential non-zero block offsets. */
    public IfdBuilder tiledImage(int width, int height, int tile, int bands, boolean planar) {
        longs(TiffTag.IMAGE_WIDTH, width).longs(TiffTag.IMAGE_LENGTH, height);
        longs(TiffTag.TILE_WIDTH, tile).longs(TiffTag.TILE_LENGTH, tile);
        longs(TiffTag.SAMPLES_PER_PIXEL, bands);
        longs(TiffTag.BITS_PER_SAMPLE, 16);
        longs(TiffTag.PLANAR_CONFIGURATION, planar ? TiffTag.PLANAR_SEPARATE : TiffTag.PLANAR_CHUNKY);
        int blocks = ((width + tile - 1) / tile) * ((height + tile - 1) / tile) * (planar ? bands : 1);
        long[] offsets = new long[blocks];
        long[] counts = new long[blocks];
        for (int i = 0; i < blocks; i++) {
            offsets[i] = 1000 + 100L * i;
            counts[i] = 100;
        }
        return longs(TiffTag.TILE_OFFSETS, offsets).longs(TiffTag.TILE_BYTE_COUNTS, counts);
    }

    public Ifd build() {
        return new Ifd(index, offset, fields);
    }
}
