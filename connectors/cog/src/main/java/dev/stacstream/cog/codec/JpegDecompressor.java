package dev.stacstream.cog.codec;

import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Compression 7: TIFF "new-style" JPEG (Technical Note 2), decoded with the JDK's own ImageIO JPEG
 * reader (its bundled libjpeg), 8-bit baseline, extended and progressive Huffman only.
 *
 * <p>The block is first made a complete stream with the JPEGTables ({@link JpegStream}), and its frame
 * header checked ({@link JpegFrame}). It is then read with {@code readRaster}, which returns the decoded
 * components without any colour conversion: unlike {@code read}, it does not guess a colour space from
 * JFIF/Adobe markers or apply an ICC profile. Colour is then handled as libtiff does for GDAL
 * ({@code JPEGCOLORMODE_RGB}): PhotometricInterpretation YCbCr with 3 samples is converted to RGB with
 * libjpeg's arithmetic ({@link YCbCrToRgb}); RGB, grey and every other interpretation are returned as
 * decoded. Chroma subsampling comes from the JPEG frame itself (the decoder upsamples), so the
 * YCbCrSubSampling tag plays no role.
 *
 * <p>The result is chunky 8-bit samples of the block's size, cut from the top-left of the decoded image
 * (TIFF JPEG edge tiles are coded at the full tile size). Any decoder warning, such as a scan ending
 * early, is a corrupt block: libjpeg would otherwise fill the rest with grey.
 */
final class JpegDecompressor implements Decompressor {

    private static final String JDK_READER_SPI = "com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi";
    private static final int PHOTOMETRIC_YCBCR = 6;
    private static final int YCBCR_SAMPLES = 3;
    private static final int BITS_PER_SAMPLE = 8;

    @Override
    public byte[] decompress(byte[] src, int offset, int length, BlockEncoding encoding) {
        Objects.checkFromIndexSize(offset, length, src.length);
        if (encoding.bitsPerSample() != BITS_PER_SAMPLE) {
            throw CodecException.unsupported(encoding.bitsPerSample() + "-bit JPEG is not supported, only 8-bit");
        }
        byte[] stream = JpegStream.assemble(encoding.jpegTables(), src, offset, length);
        JpegFrame frame = JpegFrame.parse(stream);
        frame.requireDecodable();
        requireFits(frame, encoding);
        byte[] samples = readTopLeft(decode(stream), encoding);
        if (encoding.photometric() == PHOTOMETRIC_YCBCR && encoding.samples() == YCBCR_SAMPLES) {
            YCbCrToRgb.convertInPlace(samples, 0, encoding.width() * encoding.rows());
        }
        return samples;
    }

    private static void requireFits(JpegFrame frame, BlockEncoding encoding) {
        if (frame.components() != encoding.samples()
                || frame.width() < encoding.width() || frame.height() < encoding.rows()) {
            throw CodecException.corrupt(String.format(Locale.ROOT,
                    "JPEG frame is %dx%d with %d components, but the %s needs %dx%d with %d",
                    frame.width(), frame.height(), frame.components(), encoding.describe(),
                    encoding.width(), encoding.rows(), encoding.samples()));
        }
    }

    /** Decodes the complete stream to its raw components; one reader per call, so any thread may call. */
    private static Raster decode(byte[] stream) {
        ImageReader reader = createReader();
        List<String> warnings = new ArrayList<>();
        Raster raster;
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(stream))) {
            reader.addIIOReadWarningListener(collectInto(warnings));
            reader.setInput(in, true, true);
            raster = reader.readRaster(0, null);
        } catch (IOException | RuntimeException e) {
            // IIOException, and the IllegalArgumentExceptions some malformed headers raise in the reader
            throw CodecException.corrupt(String.format(Locale.ROOT,
                    "JPEG stream of %d bytes does not decode: %s", stream.length, e.getMessage()), e);
        } finally {
            reader.dispose();
        }
        if (!warnings.isEmpty()) {
            throw CodecException.corrupt(String.format(Locale.ROOT,
                    "JPEG stream of %d bytes decodes with warnings: %s", stream.length, warnings));
        }
        return raster;
    }

    private static IIOReadWarningListener collectInto(List<String> warnings) {
        return (source, warning) -> warnings.add(warning);
    }

    /** Copies the block's width x rows from the top-left of the decoded raster into chunky samples. */
    private static byte[] readTopLeft(Raster raster, BlockEncoding encoding) {
        int width = encoding.width();
        int rows = encoding.rows();
        int rowBytes = encoding.rowBytes();
        if (raster.getSampleModel() instanceof PixelInterleavedSampleModel model
                && raster.getDataBuffer() instanceof DataBufferByte buffer
                && buffer.getNumBanks() == 1
                && model.getPixelStride() == encoding.samples()
                && Arrays.equals(model.getBandOffsets(), identity(encoding.samples()))
                && raster.getSampleModelTranslateX() == raster.getMinX()
                && raster.getSampleModelTranslateY() == raster.getMinY()) {
            // The JDK reader's own layout: rows of interleaved samples. Copy them row by row.
            byte[] decoded = buffer.getData();
            byte[] out = new byte[encoding.decodedBytes()];
            int base = buffer.getOffset();
            for (int row = 0; row < rows; row++) {
                System.arraycopy(decoded, base + row * model.getScanlineStride(), out, row * rowBytes, rowBytes);
            }
            return out;
        }
        return (byte[]) raster.getDataElements(raster.getMinX(), raster.getMinY(), width, rows, null);
    }

    private static int[] identity(int n) {
        int[] offsets = new int[n];
        Arrays.setAll(offsets, i -> i);
        return offsets;
    }

    /**
     * The JDK's JPEG reader, chosen by name: another ImageIO plugin on the class path (for example
     * TwelveMonkeys) could otherwise be picked and colour-convert or decode differently.
     */
    private static ImageReader createReader() {
        Iterator<ImageReaderSpi> providers =
                IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class, true);
        while (providers.hasNext()) {
            ImageReaderSpi spi = providers.next();
            if (spi.getClass().getName().equals(JDK_READER_SPI)) {
                try {
                    return spi.createReaderInstance();
                } catch (IOException e) {
                    throw new IllegalStateException("cannot create the JDK's JPEG reader", e);
                }
            }
        }
        throw new IllegalStateException("the JDK's JPEG reader " + JDK_READER_SPI
                + " is not registered with ImageIO (is the java.desktop module missing?)");
    }
}
