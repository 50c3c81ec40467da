package dev.stacstream.cog.codec;

import java.util.Locale;

/**
 * The one error every codec raises when its stream ends before the block is full: it names the codec,
 * the compressed size, what was decoded and what the block needs, so a truncated tile is easy to tell
 * from a wrong tile size.
 */
final class ShortBlock {

    private ShortBlock() {
    }

    static CodecException error(String codec, int compressedBytes, int decodedBytes, BlockEncoding encoding) {
        return CodecException.corrupt(String.format(Locale.ROOT,
                "%s stream of %d bytes decoded to only %d bytes, but the %s needs %d",
                codec, compressedBytes, decodedBytes, encoding.describe(), encoding.decodedBytes()));
    }
}
