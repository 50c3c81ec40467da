package dev.stacstream.cog.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.cog.testing.Libdeflate;
import dev.stacstream.cog.testing.ZlibStreams;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two class loaders that each load this module's classes, as two Flink jobs' user-code class loaders in one
 * TaskManager do, both inflate with libdeflate: the library is bound through {@code dlopen}, which any number of
 * class loaders may do, not {@code System.load}, which binds it to the first.
 */
class InflaterClassLoaderTest {

    private static final int SIDE = 64;
    private static final long SEED = 12L;
    /** Classes whose jars or directories a job's class loader would hold: this module, slf4j and its log4j binding. */
    private static final List<String> JOB_CLASSES = List.of(Inflaters.class.getName(), "org.slf4j.LoggerFactory",
            "org.apache.logging.slf4j.SLF4JServiceProvider", "org.apache.logging.log4j.LogManager",
            "org.apache.logging.log4j.core.LoggerContext");

    @Test
    void twoJobClassLoadersBothInflateWithLibdeflate() throws Exception {
        Libdeflate.require();
        BlockEncoding encoding = TestBlocks.encoding(DecompressorRegistry.DEFLATE, SIDE, SIDE, 1, Short.SIZE,
                ByteOrder.LITTLE_ENDIAN);
        byte[] samples = TestBlocks.Pattern.SMOOTH_WITH_NOISE.fill(encoding.decodedBytes(), SEED);
        byte[] stream = ZlibStreams.deflate(samples);

        try (URLClassLoader first = jobClassLoader(); URLClassLoader second = jobClassLoader()) {
            for (URLClassLoader loader : List.of(first, second)) {
                Class<?> inflaters = loader.loadClass(Inflaters.class.getName());
                assertThat(inflaters).isNotSameAs(Inflaters.class);
                Object decompressor = inflaters.getMethod("libdeflate").invoke(null);

                assertThat(decompressor.getClass().getSimpleName()).isEqualTo("LibdeflateDecompressor");
                assertThat(decompress(loader, decompressor, stream, encoding)).isEqualTo(samples);
            }
        }
    }

    private static URLClassLoader jobClassLoader() throws ReflectiveOperationException {
        List<URL> urls = new ArrayList<>();
        for (String name : JOB_CLASSES) {
            urls.add(Class.forName(name).getProtectionDomain().getCodeSource().getLocation());
        }
        // The platform loader as parent, so that nothing of this module comes from the test's own class loader.
        return new URLClassLoader("job", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    /** {@code Decompressor.decompress} of the loader's own copy of the interface. */
    private static byte[] decompress(ClassLoader loader, Object decompressor, byte[] stream, BlockEncoding encoding)
            throws ReflectiveOperationException {
        Class<?> encodingClass = loader.loadClass(BlockEncoding.class.getName());
        Object theirEncoding = encodingClass.getConstructor(int.class, int.class, int.class, int.class, int.class,
                        int.class, byte[].class, ByteOrder.class)
                .newInstance(encoding.compression(), encoding.width(), encoding.rows(), encoding.samples(),
                        encoding.bitsPerSample(), encoding.photometric(), null, encoding.byteOrder());
        Method decompress = loader.loadClass(Decompressor.class.getName())
                .getMethod("decompress", byte[].class, int.class, int.class, encodingClass);
        return (byte[]) decompress.invoke(decompressor, stream, 0, stream.length, theirEncoding);
    }
}
