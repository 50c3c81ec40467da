package dev.stacstream.cog.testing;

import dev.stacstream.cog.codec.Decompressor;
import dev.stacstream.cog.codec.DecompressorRegistry;
import dev.stacstream.cog.codec.Inflaters;

/**
 * The libdeflate inflater for tests that compare it with the JDK's. CI installs libdeflate0 (GDAL pulls it in)
 * and surefire passes the JVM flags, so there a missing libdeflate fails the test instead of skipping it
 * ({@link Prerequisites}); a run from an IDE without the flags skips.
 */
public final class Libdeflate {

    private Libdeflate() {}

    /** A DEFLATE decompressor on libdeflate, or a failed (CI) or skipped test naming what is missing. */
    public static Decompressor require() {
        try {
            return Inflaters.libdeflate();
        } catch (IllegalStateException e) {
            Prerequisites.require(false, e.getMessage() + " (surefire passes the JVM flags; install libdeflate0)");
            throw new AssertionError("Prerequisites.require returned for a missing prerequisite", e);
        }
    }

    /** The default codecs with DEFLATE on libdeflate, or a failed (CI) or skipped test. */
    public static DecompressorRegistry registry() {
        return DecompressorRegistry.withDeflate(require());
    }
}
