package dev.stacstream.cog.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * JPEG decoding checked against the JDK's own full decode ({@code ImageIO.read}, which converts JFIF
 * YCbCr with libjpeg's arithmetic): colour conversion, JPEGTables merging, edge tiles and the
 * variants that must be refused. The GDAL comparisons are in {@link GdalEncodedBlockTest}.
 */
class JpegDecompressorTest {

    private static final int WIDTH = 64;
    private static final int HEIGHT = 48;
    private static final HexFormat HEX = HexFormat.of();
    private final JpegDecompressor jpeg = new JpegDecompressor();

    @Test
    void yCbCrBlockMatchesTheJdkColourConversion() {
        BufferedImage image = colourImage();
        byte[] stream = writeJpeg(image);
        BlockEncoding enc = encoding(WIDTH, HEIGHT, 3, TestBlocks.PHOTOMETRIC_YCBCR, null);

        byte[] rgb = jpeg.decompress(stream, 0, stream.length, enc);

        assertThat(rgb).isEqualTo(rgbSamples(readWithImageIo(stream)));
    }

    @Test
    void abbreviatedBlockWithJpegTablesDecodesLikeTheFullStream() {
        byte[] full = writeJpeg(colourImage());
        byte[][] split = TablesSplitter.split(full);
        BlockEncoding withTables = encoding(WIDTH, HEIGHT, 3, TestBlocks.PHOTOMETRIC_YCBCR, split[0]);
        BlockEncoding standalone = encoding(WIDTH, HEIGHT, 3, TestBlocks.PHOTOMETRIC_YCBCR, null);

        byte[] fromTables = jpeg.decompress(split[1], 0, split[1].length, withTables);

        assertThat(split[1]).hasSizeLessThan(full.length - 2 * 64);
        assertThat(fromTables).isEqualTo(jpeg.decompress(full, 0, full.length, standalone));
    }

    @Test
    void greyBlockIsTheDecodedLuminance() {
        BufferedImage grey = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(colourImage(), 0, 0, null);
        byte[] stream = writeJpeg(grey);
        BlockEncoding enc = encoding(WIDTH, HEIGHT, 1, TestBlocks.PHOTOMETRIC_MIN_IS_BLACK, null);

        byte[] samples = jpeg.decompress(stream, 0, stream.length, enc);

        BufferedImage expected = readWithImageIo(stream);
        assertThat(samples).isEqualTo(((DataBufferByte) expected.getRaster().getDataBuffer()).getData());
    }

    @Test
    void edgeBlockIsCutFromTheTopLeftOfTheCodedTile() {
        byte[] stream = writeJpeg(colourImage());
        BlockEncoding full = encoding(WIDTH, HEIGHT, 3, TestBlocks.PHOTOMETRIC_YCBCR, null);
        BlockEncoding corner = encoding(10, 7, 3, TestBlocks.PHOTOMETRIC_YCBCR, null);

        byte[] all = jpeg.decompress(stream, 0, stream.length, full);
        byte[] part = jpeg.decompress(stream, 0, stream.length, corner);

        for (int row = 0; row < 7; row++) {
            assertThat(Arrays.copyOfRange(part, row * 30, row * 30 + 30)).as("row %d", row)
                    .isEqualTo(Arrays.copyOfRange(all, row * WIDTH * 3, row * WIDTH * 3 + 30));
        }
    }

    @Test
    void blockLargerThanTheFrameIsCorrupt() {
        byte[] stream = writeJpeg(colourImage());
        BlockEncoding larger = encoding(128, HEIGHT, 3, TestBlocks.PHOTOMETRIC_YCBCR, null);

        assertThatThrownBy(() -> jpeg.decompress(stream, 0, stream.length, larger))
                .isInstanceOf(CodecException.class)
                .hasMessage("JPEG frame is 64x48 with 3 components, but the 128x48 block of 3 x 8-bit samples"
                        + " (18432 bytes) needs 128x48 with 3");
    }

    @Test
    void truncatedStreamIsCorrupt() {
        byte[] stream = writeJpeg(colourImage());
        int truncated = stream.length * 2 / 3;
        BlockEncoding enc = encoding(WIDTH, HEIGHT, 3, TestBlocks.PHOTOMETRIC_YCBCR, null);

        assertThatThrownBy(() -> jpeg.decompress(stream, 0, truncated, enc))
                .isInstanceOfSatisfying(CodecException.class, e -> assertThat(e.isUnsupported()).isFalse())
                .hasMessageStartingWith("JPEG stream of " + truncated + " bytes decodes with warnings: ");
    }

    @Test
    void blockWithoutStartOfImageIsCorrupt() {
        byte[] stream = {0x12, 0x34, 0x56};
        BlockEncoding enc = encoding(8, 8, 1, TestBlocks.PHOTOMETRIC_MIN_IS_BLACK, null);

        assertThatThrownBy(() -> jpeg.decompress(stream, 0, stream.length, enc))
                .isInstanceOf(CodecException.class)
                .hasMessage("JPEG block of 3 bytes does not start with an SOI marker (FF D8)");
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource({
        // SOI, a comment, then a frame header: marker, length 11, precision, 16 lines, 16 samples, 1 component
        "ffd8fffe0004abcd ffc1000b0c00100010010111 00, '12-bit JPEG is not supported, only 8-bit'",
        "ffd8ffc3000b0800100010010111 00, lossless JPEG (SOF3) is not supported",
        "ffd8ffc9000b0800100010010111 00, 'JPEG process SOF9 (hierarchical or arithmetic-coded) is not supported'",
        "ffd8ffc0000b0800000010010111 00, JPEG with the height in a DNL segment is not supported",
    })
    void variantsTheJdkCannotDecodeAreUnsupported(String hex, String message) {
        byte[] stream = HEX.parseHex(hex.replace(" ", ""));
        BlockEncoding enc = encoding(16, 16, 1, TestBlocks.PHOTOMETRIC_MIN_IS_BLACK, null);

        assertThatThrownBy(() -> jpeg.decompress(stream, 0, stream.length, enc))
                .isInstanceOfSatisfying(CodecException.class, e -> assertThat(e.isUnsupported()).isTrue())
                .hasMessage(message);
    }

    @Test
    void scanBeforeAnyFrameHeaderIsCorrupt() {
        byte[] stream = HEX.parseHex("ffd8ffda0002");
        BlockEncoding enc = encoding(16, 16, 1, TestBlocks.PHOTOMETRIC_MIN_IS_BLACK, null);

        assertThatThrownBy(() -> jpeg.decompress(stream, 0, stream.length, enc))
                .isInstanceOf(CodecException.class)
                .hasMessage("JPEG stream of 6 bytes at byte 2: no frame header (SOFn) before the first scan");
    }

    @Test
    void twelveBitSamplesAreUnsupported() {
        BlockEncoding enc = new BlockEncoding(7, 16, 16, 1, 16, 1, null, ByteOrder.LITTLE_ENDIAN);

        assertThatThrownBy(() -> jpeg.decompress(new byte[] {(byte) 0xFF, (byte) 0xD8}, 0, 2, enc))
                .isInstanceOfSatisfying(CodecException.class, e -> assertThat(e.isUnsupported()).isTrue())
                .hasMessage("16-bit JPEG is not supported, only 8-bit");
    }

    private static BlockEncoding encoding(int width, int rows, int samples, int photometric, byte[] tables) {
        return new BlockEncoding(DecompressorRegistry.JPEG, width, rows, samples, 8, photometric, tables,
                ByteOrder.LITTLE_ENDIAN);
    }

    /** Smooth colour ramps with noise: exercises chroma upsampling and clamping at both ends. */
    private static BufferedImage colourImage() {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        SplittableRandom random = new SplittableRandom(3);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int r = Math.min(255, x * 4 + random.nextInt(20));
                int g = Math.min(255, y * 5 + random.nextInt(20));
                int b = (x * y) % 256;
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    private static byte[] writeJpeg(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            assertThat(ImageIO.write(image, "jpeg", out)).isTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static BufferedImage readWithImageIo(byte[] stream) {
        try {
            return ImageIO.read(new ByteArrayInputStream(stream));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] rgbSamples(BufferedImage image) {
        byte[] rgb = new byte[image.getWidth() * image.getHeight() * 3];
        int i = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                rgb[i++] = (byte) (argb >> 16);
                rgb[i++] = (byte) (argb >> 8);
                rgb[i++] = (byte) argb;
            }
        }
        return rgb;
    }
}
