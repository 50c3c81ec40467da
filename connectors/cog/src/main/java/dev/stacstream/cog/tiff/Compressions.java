package dev.stacstream.cog.tiff;

/** TIFF Compression tag values the reader treats specially. */
public final class Compressions {

    public static final int NONE = 1;
    public static final int LZW = 5;
    public static final int JPEG = 7;
    public static final int DEFLATE = 8;
    public static final int ADOBE_DEFLATE = 32946;
    public static final int PACKBITS = 32773;
    public static final int ZSTD = 50000;

    private Compressions() {}
}
