package dev.stacstream.cog.error;

import dev.stacstream.storage.ByteRange;

/**
 * Where an error happened: the file URI and, when known, the IFD index, block index and byte range.
 * Unknown parts are {@code -1} / {@code null} and left out of the message.
 */
public record ErrorContext(String uri, int ifd, long block, ByteRange range) {

    public static ErrorContext of(String uri) {
        return new ErrorContext(uri, -1, -1, null);
    }

    public ErrorContext withIfd(int ifdIndex) {
        return new ErrorContext(uri, ifdIndex, block, range);
    }

    public ErrorContext withBlock(long blockIndex) {
        return new ErrorContext(uri, ifd, blockIndex, range);
    }

    public ErrorContext withRange(ByteRange byteRange) {
        return new ErrorContext(uri, ifd, block, byteRange);
    }

    /** "{uri}: IFD 2, block 17, bytes [100, 200): {problem}". */
    public String describe(String problem) {
        StringBuilder sb = new StringBuilder(uri == null ? "<unknown>" : uri);
        String sep = ": ";
        if (ifd >= 0) {
            sb.append(sep).append("IFD ").append(ifd);
            sep = ", ";
        }
        if (block >= 0) {
            sb.append(sep).append("block ").append(block);
            sep = ", ";
        }
        if (range != null) {
            sb.append(sep).append("bytes ").append(range);
        }
        return sb.append(": ").append(problem).toString();
    }
}
