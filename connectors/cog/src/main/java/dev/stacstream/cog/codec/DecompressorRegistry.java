package dev.stacstream.cog.codec;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@link Decompressor}s this reader knows, keyed by the TIFF Compression tag value.
 *
 * <p>Immutable: {@link #with(int, Decompressor)} returns a new registry, so one instance can be shared by
 * every reader thread. {@link #defaults()} holds every codec of this package; a compression that is not in
 * the registry is reported by the reader as unsupported, named by {@link #compressionName(int)}.
 */
public final class DecompressorRegistry {

    /** TIFF Compression tag values, as registered with Adobe and in libtiff's {@code tiff.h}. */
    public static final int NONE = 1;
    public static final int CCITT_RLE = 2;
    public static final int CCITT_T4 = 3;
    public static final int CCITT_T6 = 4;
    public static final int LZW = 5;
    public static final int OLD_JPEG = 6;
    public static final int JPEG = 7;
    public static final int DEFLATE = 8;
    public static final int JBIG_T85 = 9;
    public static final int JBIG_T43 = 10;
    public static final int NEXT = 32766;
    public static final int CCITT_RLE_WORD = 32771;
    public static final int PACKBITS = 32773;
    public static final int THUNDERSCAN = 32809;
    public static final int PIXAR_FILM = 32908;
    public static final int PIXAR_LOG = 32909;
    public static final int DEFLATE_ADOBE = 32946;
    public static final int KODAK_DCS = 32947;
    public static final int JBIG = 34661;
    public static final int SGI_LOG = 34676;
    public static final int SGI_LOG24 = 34677;
    public static final int JPEG2000 = 34712;
    public static final int LERC = 34887;
    public static final int LZMA = 34925;
    public static final int ZSTD = 50000;
    public static final int WEBP = 50001;
    public static final int JPEG_XL = 50002;
    public static final int JPEG_XL_DNG = 52546;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(NONE, "none"),
            Map.entry(CCITT_RLE, "CCITT RLE"),
            Map.entry(CCITT_T4, "CCITT T.4 (Group 3 fax)"),
            Map.entry(CCITT_T6, "CCITT T.6 (Group 4 fax)"),
            Map.entry(LZW, "LZW"),
            Map.entry(OLD_JPEG, "old-style JPEG"),
            Map.entry(JPEG, "JPEG"),
            Map.entry(DEFLATE, "DEFLATE"),
            Map.entry(JBIG_T85, "JBIG (T.85)"),
            Map.entry(JBIG_T43, "JBIG (T.43)"),
            Map.entry(NEXT, "NeXT 2-bit RLE"),
            Map.entry(CCITT_RLE_WORD, "CCITT RLE (word-aligned)"),
            Map.entry(PACKBITS, "PackBits"),
            Map.entry(THUNDERSCAN, "ThunderScan"),
            Map.entry(PIXAR_FILM, "Pixar film"),
            Map.entry(PIXAR_LOG, "Pixar log"),
            Map.entry(DEFLATE_ADOBE, "DEFLATE (Adobe)"),
            Map.entry(KODAK_DCS, "Kodak DCS"),
            Map.entry(JBIG, "JBIG"),
            Map.entry(SGI_LOG, "SGI LogLuv"),
            Map.entry(SGI_LOG24, "SGI LogLuv 24"),
            Map.entry(JPEG2000, "JPEG 2000"),
            Map.entry(LERC, "LERC"),
            Map.entry(LZMA, "LZMA"),
            Map.entry(ZSTD, "ZSTD"),
            Map.entry(WEBP, "WebP"),
            Map.entry(JPEG_XL, "JPEG XL"),
            Map.entry(JPEG_XL_DNG, "JPEG XL (DNG)"));

    private final Map<Integer, Decompressor> byCode;

    private DecompressorRegistry(Map<Integer, Decompressor> byCode) {
        this.byCode = Map.copyOf(byCode);
    }

    /** A registry with no codec at all, to build a restricted or test registry from. */
    public static DecompressorRegistry empty() {
        return new DecompressorRegistry(Map.of());
    }

    /**
     * Every codec of this package: none, LZW, JPEG, DEFLATE (both codes, on the inflater {@link Inflaters#selected()}
     * chose), PackBits and ZSTD.
     *
     * @throws IllegalStateException when system property {@value Inflaters#PROPERTY} asks for libdeflate and it
     *     cannot be used
     */
    public static DecompressorRegistry defaults() {
        return withDeflate(Inflaters.selected());
    }

    /** {@link #defaults()}, with DEFLATE (both codes) decoded by {@code deflate}, e.g. {@link Inflaters#jdk()}. */
    public static DecompressorRegistry withDeflate(Decompressor deflate) {
        return empty()
                .with(NONE, new UncompressedDecompressor())
                .with(LZW, new LzwDecompressor())
                .with(JPEG, new JpegDecompressor())
                .with(DEFLATE, deflate)
                .with(DEFLATE_ADOBE, deflate)
                .with(PACKBITS, new PackBitsDecompressor())
                .with(ZSTD, new ZstdDecompressor());
    }

    /** A copy of this registry in which {@code compression} decodes with {@code decompressor} (replacing any other). */
    public DecompressorRegistry with(int compression, Decompressor decompressor) {
        if (decompressor == null) {
            throw new IllegalArgumentException("no decompressor given for compression " + compression);
        }
        Map<Integer, Decompressor> copy = new TreeMap<>(byCode);
        copy.put(compression, decompressor);
        return new DecompressorRegistry(copy);
    }

    /** The decompressor for a TIFF Compression value, or empty when this registry does not decode it. */
    public Optional<Decompressor> find(int compression) {
        return Optional.ofNullable(byCode.get(compression));
    }

    /**
     * A human name for a TIFF Compression value, for error messages: {@code "LERC"} for 34887, and
     * {@code "unknown"} for a value no registry assigns.
     */
    public static String compressionName(int compression) {
        return NAMES.getOrDefault(compression, "unknown");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("DecompressorRegistry[");
        String sep = "";
        for (Integer code : new TreeMap<>(byCode).keySet()) {
            sb.append(sep).append(code).append(' ').append(compressionName(code));
            sep = ", ";
        }
        return sb.append(']').toString();
    }
}
