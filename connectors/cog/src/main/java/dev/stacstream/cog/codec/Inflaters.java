package dev.stacstream.cog.codec;

import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which inflater decodes DEFLATE blocks (compression 8 and 32946): libdeflate ({@link LibdeflateDecompressor})
 * or the JDK's zlib ({@link DeflateDecompressor}), chosen by system property {@value #PROPERTY}:
 * <ul>
 *   <li>{@code auto} (the default): libdeflate when it can be used, otherwise the JDK's zlib;
 *   <li>{@code libdeflate}: libdeflate, or an {@link IllegalStateException} that names what is missing;
 *   <li>{@code jdk}: the JDK's zlib.
 * </ul>
 * libdeflate can be used on Java 17 started with {@code --add-modules jdk.incubator.foreign
 * --enable-native-access=ALL-UNNAMED}, when {@code dlopen} finds {@code libdeflate.so.0} or {@code libdeflate.so}
 * (Debian and Ubuntu package libdeflate0). Later Java versions changed (18-20) and then replaced (21) that
 * incubating API, so they use the JDK's zlib for now.
 *
 * <p>The JVM-wide choice ({@link #selected()}, which {@link DecompressorRegistry#defaults()} uses) is made
 * once and logged in one INFO line saying which inflater and why. The checks run in this class, which names
 * no {@code jdk.incubator.foreign} type, before any class that does is loaded: without the module nothing
 * fails to link, the JDK's zlib is simply used.
 */
public final class Inflaters {

    /** The system property that chooses the inflater. */
    public static final String PROPERTY = "stacstream.inflate";
    public static final String AUTO = "auto";
    public static final String LIBDEFLATE = "libdeflate";
    public static final String JDK = "jdk";

    /** Tried in this order by {@code dlopen}: the runtime package's soname, then the development symlink. */
    static final List<String> LIBRARY_NAMES = List.of("libdeflate.so.0", "libdeflate.so");

    private static final String MODULE = "jdk.incubator.foreign";
    /** The only Java version whose {@code jdk.incubator.foreign} API {@link LibdeflateLibrary} is written against. */
    private static final int FOREIGN_API_JAVA_VERSION = 17;
    private static final Logger LOG = LoggerFactory.getLogger(Inflaters.class);

    /** The JVM-wide choice, made on first use; guarded by the class lock. */
    private static Choice selected;

    private Inflaters() {}

    /**
     * A new DEFLATE decompressor of the JVM-wide choice. The first call makes the choice from {@value #PROPERTY}
     * and logs it.
     *
     * @throws IllegalStateException when {@value #PROPERTY} is {@code libdeflate} and libdeflate cannot be used
     * @throws IllegalArgumentException when {@value #PROPERTY} has another value than the three above
     */
    public static Decompressor selected() {
        return selectedChoice().newDecompressor();
    }

    /** The JVM-wide choice in the words it was logged with: which inflater, and why. */
    public static String describeSelected() {
        return selectedChoice().describe();
    }

    /** A DEFLATE decompressor on the JDK's {@code java.util.zip.Inflater}, whatever {@value #PROPERTY} says. */
    public static Decompressor jdk() {
        return new DeflateDecompressor();
    }

    /**
     * A DEFLATE decompressor on libdeflate, whatever {@value #PROPERTY} says (for benchmarks and tests: it opens
     * the library on every call, where {@link #selected()} reuses the JVM-wide one).
     *
     * @throws IllegalStateException naming what is missing when libdeflate cannot be used
     */
    public static Decompressor libdeflate() {
        return choose(LIBDEFLATE, LIBRARY_NAMES).newDecompressor();
    }

    private static synchronized Choice selectedChoice() {
        if (selected == null) {
            selected = choose(System.getProperty(PROPERTY, AUTO), LIBRARY_NAMES);
            LOG.info("{}", selected.describe());
        }
        return selected;
    }

    /**
     * Makes the choice for a value of {@value #PROPERTY}, trying the given library names (a name that does not
     * exist lets tests see the fallback).
     */
    static Choice choose(String mode, List<String> libraryNames) {
        String normalized = mode.trim().toLowerCase(Locale.ROOT);
        switch (normalized) {
            case JDK:
                return Choice.jdk(PROPERTY + "=" + JDK);
            case LIBDEFLATE:
            case AUTO:
                Probe probe = probe(libraryNames);
                if (probe.library() != null) {
                    return Choice.libdeflate(probe.library(), PROPERTY + "=" + normalized);
                }
                if (normalized.equals(LIBDEFLATE)) {
                    throw new IllegalStateException(PROPERTY + "=" + LIBDEFLATE + " but libdeflate cannot be used: "
                            + probe.missing());
                }
                return Choice.jdk(PROPERTY + "=" + AUTO + " and libdeflate cannot be used: " + probe.missing());
            default:
                throw new IllegalArgumentException(PROPERTY + " must be " + AUTO + ", " + LIBDEFLATE + " or " + JDK
                        + ", got '" + mode + "'");
        }
    }

    /**
     * Checks, in this order, the Java version, the module and then (in {@link LibdeflateLibrary}, the first
     * class loaded that names the module's types) native access and the library itself.
     */
    private static Probe probe(List<String> libraryNames) {
        int java = Runtime.version().feature();
        if (java != FOREIGN_API_JAVA_VERSION) {
            return Probe.missing("the binding is written against Java " + FOREIGN_API_JAVA_VERSION + "'s incubating "
                    + MODULE + " API, and this is Java " + java);
        }
        if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
            return Probe.missing("module " + MODULE + " is not loaded (JVM flag --add-modules " + MODULE + ")");
        }
        try {
            return new Probe(LibdeflateLibrary.load(libraryNames), null);
        } catch (IllegalStateException e) {
            return Probe.missing(e.getMessage());
        }
    }

    /** The library, or why there is none. */
    private record Probe(LibdeflateLibrary library, String missing) {
        static Probe missing(String why) {
            return new Probe(null, why);
        }
    }

    /** The inflater chosen: libdeflate when {@code library} is set, otherwise the JDK's zlib; and why. */
    record Choice(LibdeflateLibrary library, String reason) {

        static Choice jdk(String reason) {
            return new Choice(null, reason);
        }

        static Choice libdeflate(LibdeflateLibrary library, String reason) {
            return new Choice(library, reason + ", " + library.name() + " opened");
        }

        boolean isLibdeflate() {
            return library != null;
        }

        Decompressor newDecompressor() {
            return isLibdeflate() ? new LibdeflateDecompressor(library) : new DeflateDecompressor();
        }

        String describe() {
            return "DEFLATE blocks inflate with " + (isLibdeflate() ? "libdeflate" : "the JDK's java.util.zip.Inflater")
                    + " (" + reason + ")";
        }
    }
}
