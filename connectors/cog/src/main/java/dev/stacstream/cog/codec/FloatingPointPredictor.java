package dev.stacstream.cog.codec;

import java.nio.ByteOrder;

/**
 * Undoes predictor 3, the floating-point predictor (Adobe Photoshop TIFF Technical Note 3), with the
 * semantics of libtiff's {@code fpAcc}, which GDAL writes and reads.
 *
 * <p>The encoder splits each row of {@code n} samples of {@code b} bytes into {@code b} byte planes of
 * {@code n} bytes, plane 0 holding the most significant byte of every sample (whatever the file's byte
 * order), and then differences the whole row byte by byte with a stride of one pixel's worth of planes
 * entries (samples per pixel). Decoding reverses both steps per row: a running byte sum with that stride,
 * then each sample reassembled from its planes. Samples are written back in the file's byte order, so
 * the reader's byte swap for big-endian files stays the same for every predictor (libtiff instead
 * produces native order here and skips its swap).
 */
final class FloatingPointPredictor {

    private FloatingPointPredictor() {
    }

    static void undo(byte[] data, BlockEncoding encoding) {
        int bytesPerSample = encoding.bytesPerSample();
        if (encoding.bitsPerSample() != Short.SIZE && encoding.bitsPerSample() != Integer.SIZE
                && encoding.bitsPerSample() != Long.SIZE) {
            throw CodecException.unsupported("predictor 3 on " + encoding.bitsPerSample()
                    + "-bit samples is not supported (only 16, 32 and 64-bit floats)");
        }
        int rowBytes = encoding.rowBytes();
        int stride = encoding.samples();
        int samplesPerRow = rowBytes / bytesPerSample;
        boolean bigEndian = encoding.byteOrder() == ByteOrder.BIG_ENDIAN;
        byte[] planes = new byte[rowBytes];
        for (int base = 0, row = 0; row < encoding.rows(); row++, base += rowBytes) {
            int end = base + rowBytes;
            for (int i = base + stride; i < end; i++) {
                data[i] += data[i - stride];
            }
            System.arraycopy(data, base, planes, 0, rowBytes);
            for (int plane = 0; plane < bytesPerSample; plane++) {
                // plane 0 is the most significant byte: first in big-endian order, last in little-endian
                int byteInSample = bigEndian ? plane : bytesPerSample - 1 - plane;
                int from = plane * samplesPerRow;
                for (int k = 0, to = base + byteInSample; k < samplesPerRow; k++, to += bytesPerSample) {
                    data[to] = planes[from + k];
                }
            }
        }
    }
}
