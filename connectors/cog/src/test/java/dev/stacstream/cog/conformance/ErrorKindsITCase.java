package dev.stacstream.cog.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.stacstream.cog.CogFile;
import dev.stacstream.cog.error.CogException;
import dev.stacstream.cog.error.CogIoException;
import dev.stacstream.cog.error.CogMisuseException;
import dev.stacstream.cog.error.MalformedTiffException;
import dev.stacstream.cog.error.UnsupportedTiffException;
import dev.stacstream.cog.plan.PixelWindow;
import dev.stacstream.cog.testing.TestCorpus;
import dev.stacstream.cog.testing.TiffBytes;
import dev.stacstream.cog.testing.TiffBytes.Directory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Damaged, foreign and misused inputs raise the right {@link CogException} kind, at the right stage, with a
 * message that names the file and, where it applies, the IFD, block and byte range. Every case damages a
 * copy of a real corpus file in a {@code @TempDir}.
 */
class ErrorKindsITCase {

    /** A GDAL COG: 100x100, 3 bands, DEFLATE, 64x64 tiles (4), one overview; IFDs first, full-resolution tiles last. */
    private static final String COG = "rasters/geotiff/rio-cogeo/image_rioCOG_gdal3.1.tif";
    /** One ZSTD strip, classic TIFF with its IFD at the start. */
    private static final String STRIPPED = "rasters/geotiff/async-tiff/int16_zstd.tif";
    /** A BigTIFF (8-byte offsets) whose IFD comes after the image data. */
    private static final String BIG_TIFF = "rasters/geotiff/async-tiff/BigTIFF.tif";

    private static final int LERC = 34887;
    private static final int UNKNOWN_CODEC = 65000;
    private static final int JPEG2000 = 34712;
    /** Bytes beyond the end of the file that damaged offsets point to. */
    private static final long PAST_END = 1000;
    private static final int BYTES_IN_A_FEW_ENTRIES = 40;
    /** An IFD entry count whose entries (12 bytes each) run far past the end of a small file. */
    private static final int MANY_ENTRIES = 0xfff0;

    @TempDir
    Path dir;

    /** When a damage must show: while parsing the header, while reading blocks, or either (both are correct). */
    enum Stage { OPEN, READ, OPEN_OR_READ }

    /**
     * A damaged copy of a corpus file.
     *
     * @param damage makes the damaged bytes from (a copy of) the original
     * @param mustName what the message must contain besides the file name, computed from the original
     */
    record Damage(String name, String source, Stage stage, Function<TiffBytes, byte[]> damage, Function<TiffBytes, String> mustName) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Damage> malformedFiles() {
        return Stream.of(
                new Damage("cut in the header", COG, Stage.OPEN, t -> cut(t, 6), t -> ""),
                new Damage("cut in IFD 0", COG, Stage.OPEN, t -> cut(t, ifd(t, 0).offset() + BYTES_IN_A_FEW_ENTRIES), t -> "IFD 0"),
                // GDAL writes IFD 0's tag arrays after IFD 1, so this cut leaves IFD 1 whole and IFD 0's arrays missing.
                new Damage("cut through IFD 0's tag arrays", COG, Stage.OPEN, t -> cut(t, ifd(t, 1).offset() + BYTES_IN_A_FEW_ENTRIES),
                        t -> "IFD 0"),
                new Damage("IFD 1 declares more entries than the file holds", COG, Stage.OPEN,
                        t -> entryCount(t, 1, MANY_ENTRIES), t -> "IFD 1"),
                new Damage("cut in a BigTIFF IFD", BIG_TIFF, Stage.OPEN, t -> cut(t, ifd(t, 0).offset() + BYTES_IN_A_FEW_ENTRIES),
                        t -> "IFD 0"),
                new Damage("first IFD offset past the end", COG, Stage.OPEN,
                        t -> pointer(t, t.firstIfdPointerPosition(), t.length() + PAST_END), t -> Long.toString(t.length() + PAST_END)),
                new Damage("BigTIFF first IFD offset past the end", BIG_TIFF, Stage.OPEN,
                        t -> pointer(t, t.firstIfdPointerPosition(), t.length() + PAST_END), t -> Long.toString(t.length() + PAST_END)),
                new Damage("next IFD offset past the end", STRIPPED, Stage.OPEN,
                        t -> pointer(t, ifd(t, 0).nextPointerPosition(), t.length() + PAST_END), t -> Long.toString(t.length() + PAST_END)),
                new Damage("IFD 0 links to itself", COG, Stage.OPEN,
                        t -> pointer(t, ifd(t, 0).nextPointerPosition(), ifd(t, 0).offset()), t -> Long.toString(ifd(t, 0).offset())),
                new Damage("IFD 1 links back to IFD 0", COG, Stage.OPEN,
                        t -> pointer(t, ifd(t, 1).nextPointerPosition(), ifd(t, 0).offset()), t -> Long.toString(ifd(t, 0).offset())),
                new Damage("tile offset past the end", COG, Stage.OPEN_OR_READ,
                        t -> blockOffset(t, 1, t.length() + PAST_END), t -> Long.toString(t.length() + PAST_END)),
                new Damage("strip offset past the end", STRIPPED, Stage.OPEN_OR_READ,
                        t -> blockOffset(t, 0, t.length() + PAST_END), t -> Long.toString(t.length() + PAST_END)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFiles")
    @Timeout(value = 30, unit = TimeUnit.SECONDS) // a hang guard for the IFD loops, not a timing assertion
    void damagedFilesAreMalformed(Damage damage) throws IOException {
        TiffBytes original = TiffBytes.read(TestCorpus.require().resolve(damage.source()));
        String detail = damage.mustName().apply(original);
        Path file = write(damage.name(), damage.damage().apply(TiffBytes.of(original.bytes())));

        CogException e = failure(file, damage.stage());

        assertThat(e).isInstanceOf(MalformedTiffException.class);
        assertThat(e.kind()).isEqualTo("malformed");
        assertThat(e.getMessage()).contains(file.getFileName().toString()).contains(detail);
    }

    @Test
    void aCutInTileDataOpensAndFailsOnTheBlockItCut() throws IOException {
        TiffBytes original = TiffBytes.read(TestCorpus.require().resolve(COG));
        int last = 3;
        long[] offsets = original.values(ifd(original, 0).entry(TiffBytes.TILE_OFFSETS));
        long[] counts = original.values(ifd(original, 0).entry(TiffBytes.TILE_BYTE_COUNTS));
        assertThat(offsets[last]).as("the last tile of level 0 ends the file").isEqualTo(Arrays.stream(offsets).max().getAsLong());
        long cutAt = offsets[last] + counts[last] / 2;
        Path file = write("cut in the last tile", cut(original, cutAt));

        CogException e = failure(file, Stage.READ);

        assertThat(e).isInstanceOf(MalformedTiffException.class);
        assertThat(e.getMessage()).contains(file.getFileName().toString()).contains("block " + last);
        assertThat(e.context().block()).isEqualTo(last);
        assertThat(e.context().range()).isNotNull();
        assertThat(e.context().range().end()).as("the range read runs past the cut").isGreaterThan(cutAt);
    }

    @Test
    void aCutInStripDataOpensAndFailsOnTheStrip() throws IOException {
        TiffBytes original = TiffBytes.read(TestCorpus.require().resolve(STRIPPED));
        long[] offsets = original.values(ifd(original, 0).entry(TiffBytes.STRIP_OFFSETS));
        long[] counts = original.values(ifd(original, 0).entry(TiffBytes.STRIP_BYTE_COUNTS));
        long cutAt = offsets[0] + counts[0] / 2;
        Path file = write("cut in the strip", cut(original, cutAt));

        CogException e = failure(file, Stage.READ);

        assertThat(e).isInstanceOf(MalformedTiffException.class);
        assertThat(e.getMessage()).contains(file.getFileName().toString()).contains("block 0");
        assertThat(e.context().range()).isNotNull();
        assertThat(e.context().range().end()).isGreaterThan(cutAt);
    }

    @Test
    void aCorruptCompressedTileIsMalformedAndNamesTheBlock() throws IOException {
        TiffBytes original = TiffBytes.read(TestCorpus.require().resolve(COG));
        Directory ifd0 = ifd(original, 0);
        int offset = Math.toIntExact(original.values(ifd0.entry(TiffBytes.TILE_OFFSETS))[0]);
        int count = Math.toIntExact(original.values(ifd0.entry(TiffBytes.TILE_BYTE_COUNTS))[0]);
        byte[] bytes = original.bytes();
        Arrays.fill(bytes, offset, offset + count, (byte) 0xff); // not a DEFLATE stream
        Path file = write("garbage in tile 0", bytes);

        CogException e = failure(file, Stage.READ);

        assertThat(e).isInstanceOf(MalformedTiffException.class);
        assertThat(e.getMessage()).contains(file.getFileName().toString()).contains("block 0");
        assertThat(e.context().block()).isZero();
    }

    @ParameterizedTest(name = "compression {0}")
    @ValueSource(ints = {LERC, JPEG2000, UNKNOWN_CODEC})
    void anUnknownCodecIsUnsupported(int compression) throws IOException {
        TiffBytes tiff = TiffBytes.read(TestCorpus.require().resolve(COG));
        for (Directory d : tiff.directories()) {
            tiff.putValue(d.entry(TiffBytes.COMPRESSION), 0, compression);
        }
        Path file = write("compression " + compression, tiff.bytes());

        CogException e = failure(file, Stage.OPEN_OR_READ);

        assertThat(e).isInstanceOf(UnsupportedTiffException.class);
        assertThat(e.kind()).isEqualTo("unsupported");
        assertThat(e.getMessage()).contains(file.getFileName().toString()).contains(Integer.toString(compression));
    }

    @Test
    void twelveBitSamplesAreUnsupported() throws IOException {
        TiffBytes tiff = TiffBytes.read(TestCorpus.require().resolve(STRIPPED));
        tiff.putValue(ifd(tiff, 0).entry(TiffBytes.BITS_PER_SAMPLE), 0, 12);
        Path file = write("12-bit samples", tiff.bytes());

        CogException e = failure(file, Stage.OPEN_OR_READ);

        assertThat(e).isInstanceOf(UnsupportedTiffException.class);
        assertThat(e.getMessage()).contains(file.getFileName().toString()).contains("12");
    }

    static Stream<Object[]> foreignFiles() throws IOException {
        return Stream.of(
                new Object[] {"a PNG image", png()},
                new Object[] {"a text file", "this is not a TIFF\n".getBytes(StandardCharsets.UTF_8)},
                new Object[] {"an empty file", new byte[0]},
                new Object[] {"a TIFF byte-order mark with a wrong magic number", new byte[] {'I', 'I', 41, 0, 8, 0, 0, 0, 0, 0, 0, 0}});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("foreignFiles")
    void nonTiffInputIsMalformed(String name, byte[] content) throws IOException {
        Path file = write(name, content);

        CogException e = failure(file, Stage.OPEN);

        assertThat(e).isInstanceOf(MalformedTiffException.class);
        assertThat(e.getMessage()).contains(file.getFileName().toString());
    }

    @Test
    void aMissingFileIsAnIoError() {
        Path missing = dir.resolve("no-such-file.tif");

        Throwable thrown = catchThrowable(() -> CogFile.open(missing.toString()).close());

        assertThat(thrown).isInstanceOf(CogIoException.class).hasMessageContaining("no-such-file.tif");
        assertThat(((CogException) thrown).kind()).isEqualTo("io");
    }

    static Stream<Object[]> misuses() {
        return Stream.of(
                new Object[] {"level -1", -1, null},
                new Object[] {"level 2 of 2", 2, null},
                new Object[] {"window past the right edge", 0, new PixelWindow(95, 0, 10, 10)},
                new Object[] {"window past the bottom edge", 0, new PixelWindow(0, 95, 10, 10)},
                new Object[] {"window outside the image", 0, new PixelWindow(200, 200, 1, 1)},
                new Object[] {"full-resolution window on the 50x50 overview", 1, new PixelWindow(0, 0, 100, 100)});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misuses")
    void outOfRangeLevelsAndWindowsAreMisuse(String name, int level, PixelWindow window) {
        Path file = TestCorpus.require().resolve(COG);
        try (CogFile cog = CogFile.open(file.toString())) {
            assertThat(cog.levels()).hasSize(2);
            ThrowingCallable read = window == null ? () -> cog.read(level) : () -> cog.read(level, window);

            Throwable thrown = catchThrowable(read);

            assertThat(thrown).isInstanceOf(CogMisuseException.class).hasMessageContaining(file.getFileName().toString());
            assertThat(((CogException) thrown).kind()).isEqualTo("misuse");
        }
    }

    /** Opens {@code file} and, unless the damage must already show there, reads every level; returns what was thrown. */
    private static CogException failure(Path file, Stage stage) {
        if (stage == Stage.READ) {
            try (CogFile cog = CogFile.open(file.toString())) {
                Throwable thrown = catchThrowable(() -> readAll(cog));
                return asCogException(thrown, file);
            }
        }
        Throwable thrown = catchThrowable(() -> {
            try (CogFile cog = CogFile.open(file.toString())) {
                if (stage == Stage.OPEN) {
                    return;
                }
                readAll(cog);
            }
        });
        return asCogException(thrown, file);
    }

    private static void readAll(CogFile cog) {
        for (int level = 0; level < cog.levels().size(); level++) {
            cog.read(level);
        }
    }

    private static CogException asCogException(Throwable thrown, Path file) {
        assertThat(thrown).as("reading %s", file.getFileName()).isInstanceOf(CogException.class);
        return (CogException) thrown;
    }

    private Path write(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name.replaceAll("[^A-Za-z0-9]+", "-") + ".tif");
        Files.write(file, content);
        return file;
    }

    private static Directory ifd(TiffBytes tiff, int index) {
        List<Directory> dirs = tiff.directories();
        return dirs.get(index);
    }

    private static byte[] cut(TiffBytes tiff, long length) {
        return Arrays.copyOf(tiff.bytes(), Math.toIntExact(length));
    }

    private static byte[] pointer(TiffBytes tiff, int position, long value) {
        tiff.putPointer(position, value);
        return tiff.bytes();
    }

    private static byte[] entryCount(TiffBytes tiff, int ifd, long count) {
        tiff.putEntryCount(ifd(tiff, ifd), count);
        return tiff.bytes();
    }

    private static byte[] blockOffset(TiffBytes tiff, int block, long value) {
        Directory ifd0 = ifd(tiff, 0);
        int tag = ifd0.entries().containsKey(TiffBytes.TILE_OFFSETS) ? TiffBytes.TILE_OFFSETS : TiffBytes.STRIP_OFFSETS;
        tiff.putValue(ifd0.entry(tag), block, value);
        return tiff.bytes();
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
