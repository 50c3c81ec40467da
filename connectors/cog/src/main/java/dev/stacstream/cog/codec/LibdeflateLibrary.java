package dev.stacstream.cog.codec;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jdk.incubator.foreign.CLinker;
import jdk.incubator.foreign.FunctionDescriptor;
import jdk.incubator.foreign.MemoryAddress;
import jdk.incubator.foreign.ResourceScope;
import jdk.incubator.foreign.SymbolLookup;

/**
 * The three libdeflate functions the inflater calls, bound through JDK 17's incubating foreign-function API
 * ({@code jdk.incubator.foreign}).
 *
 * <p>The library is opened with libc's {@code dlopen} and its functions found with {@code dlsym}, both looked
 * up through {@link CLinker#systemLookup()}, rather than with {@code System.load}: {@code System.load} ties a
 * native library to one class loader, and Flink loads each job's classes in its own user-code class loader,
 * so the second job on a TaskManager would fail to load it again. {@code dlopen} only counts references, so
 * every class loader that loads this class gets its own handles to the one mapping of the library. The
 * handle is never closed: the library stays mapped for the life of the process.
 *
 * <p>This class, like every class that names a {@code jdk.incubator.foreign} type, is only loaded by
 * {@link Inflaters} after it checked that the module is there, so a JVM without it never links them. The
 * method handles are immutable and thread-safe.
 */
final class LibdeflateLibrary {

    /** {@code enum libdeflate_result} of {@code libdeflate.h}. */
    static final int SUCCESS = 0;
    static final int BAD_DATA = 1;
    static final int SHORT_OUTPUT = 2;
    static final int INSUFFICIENT_SPACE = 3;

    /** {@code dlopen} flag: bind every symbol now, so that a broken library fails here rather than mid-decode. */
    private static final int RTLD_NOW = 0x2;

    private final String name;
    /** {@code struct libdeflate_decompressor *libdeflate_alloc_decompressor(void)} */
    private final MethodHandle allocDecompressor;
    /**
     * {@code enum libdeflate_result libdeflate_zlib_decompress(struct libdeflate_decompressor *, const void *in,
     * size_t in_nbytes, void *out, size_t out_nbytes_avail, size_t *actual_out_nbytes_ret)}
     */
    private final MethodHandle zlibDecompress;
    /** {@code void libdeflate_free_decompressor(struct libdeflate_decompressor *)} */
    private final MethodHandle freeDecompressor;

    private LibdeflateLibrary(String name, MethodHandle alloc, MethodHandle zlibDecompress, MethodHandle free) {
        this.name = name;
        this.allocDecompressor = alloc;
        this.zlibDecompress = zlibDecompress;
        this.freeDecompressor = free;
    }

    /**
     * Opens the first of {@code names} that {@code dlopen} finds (a soname such as {@code libdeflate.so.0},
     * searched as the dynamic linker searches, or a path) and binds its functions.
     *
     * @throws IllegalStateException whose message says what is missing: native access, libc's {@code dlopen},
     *     the library (with each name's {@code dlerror}), or one of its functions
     */
    static LibdeflateLibrary load(List<String> names) {
        CLinker linker;
        SymbolLookup libc;
        try {
            linker = CLinker.getInstance();
            libc = CLinker.systemLookup();
        } catch (IllegalCallerException e) {
            throw new IllegalStateException("native access is not enabled for " + LibdeflateLibrary.class.getModule()
                    + " (JVM flag --enable-native-access=ALL-UNNAMED)", e);
        }
        MethodHandle dlopen = linker.downcallHandle(libcSymbol(libc, "dlopen"),
                MethodType.methodType(MemoryAddress.class, MemoryAddress.class, int.class),
                FunctionDescriptor.of(CLinker.C_POINTER, CLinker.C_POINTER, CLinker.C_INT));
        MethodHandle dlsym = linker.downcallHandle(libcSymbol(libc, "dlsym"),
                MethodType.methodType(MemoryAddress.class, MemoryAddress.class, MemoryAddress.class),
                FunctionDescriptor.of(CLinker.C_POINTER, CLinker.C_POINTER, CLinker.C_POINTER));
        MethodHandle dlerror = linker.downcallHandle(libcSymbol(libc, "dlerror"),
                MethodType.methodType(MemoryAddress.class), FunctionDescriptor.of(CLinker.C_POINTER));

        List<String> failures = new ArrayList<>();
        try (ResourceScope scope = ResourceScope.newConfinedScope()) {
            for (String name : names) {
                MemoryAddress handle = (MemoryAddress) dlopen.invokeExact(
                        CLinker.toCString(name, scope).address(), RTLD_NOW);
                if (handle.equals(MemoryAddress.NULL)) {
                    failures.add(name + ": " + lastError(dlerror));
                    continue;
                }
                MethodHandle alloc = linker.downcallHandle(function(dlsym, dlerror, handle, name,
                                "libdeflate_alloc_decompressor", scope),
                        MethodType.methodType(MemoryAddress.class), FunctionDescriptor.of(CLinker.C_POINTER));
                MethodHandle decompress = linker.downcallHandle(function(dlsym, dlerror, handle, name,
                                "libdeflate_zlib_decompress", scope),
                        MethodType.methodType(int.class, MemoryAddress.class, MemoryAddress.class, long.class,
                                MemoryAddress.class, long.class, MemoryAddress.class),
                        FunctionDescriptor.of(CLinker.C_INT, CLinker.C_POINTER, CLinker.C_POINTER, CLinker.C_LONG,
                                CLinker.C_POINTER, CLinker.C_LONG, CLinker.C_POINTER));
                MethodHandle free = linker.downcallHandle(function(dlsym, dlerror, handle, name,
                                "libdeflate_free_decompressor", scope),
                        MethodType.methodType(void.class, MemoryAddress.class),
                        FunctionDescriptor.ofVoid(CLinker.C_POINTER));
                return new LibdeflateLibrary(name, alloc, decompress, free);
            }
        } catch (Throwable t) {
            throw rethrow(t);
        }
        throw new IllegalStateException("no libdeflate library found (" + String.join("; ", failures)
                + "); Debian and Ubuntu package it as libdeflate0");
    }

    /** The name this library was opened by. */
    String name() {
        return name;
    }

    /** A new decompressor, to be given back to {@link #freeDecompressor}. */
    MemoryAddress allocDecompressor() {
        MemoryAddress decompressor;
        try {
            decompressor = (MemoryAddress) allocDecompressor.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
        if (decompressor.equals(MemoryAddress.NULL)) {
            throw new OutOfMemoryError("libdeflate_alloc_decompressor returned NULL (out of native memory)");
        }
        return decompressor;
    }

    /**
     * Inflates the whole zlib stream {@code [in, in + inBytes)} into at most {@code outCapacity} bytes at
     * {@code out}, writing the decoded size to the {@code size_t} at {@code actualOut} on {@link #SUCCESS}.
     *
     * @return the {@code libdeflate_result}
     */
    int zlibDecompress(MemoryAddress decompressor, MemoryAddress in, long inBytes, MemoryAddress out,
            long outCapacity, MemoryAddress actualOut) {
        try {
            return (int) zlibDecompress.invokeExact(decompressor, in, inBytes, out, outCapacity, actualOut);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    void freeDecompressor(MemoryAddress decompressor) {
        try {
            freeDecompressor.invokeExact(decompressor);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static MemoryAddress libcSymbol(SymbolLookup libc, String symbol) {
        Optional<MemoryAddress> address = libc.lookup(symbol);
        return address.orElseThrow(() -> new IllegalStateException("libc's " + symbol
                + " was not found through CLinker.systemLookup(), so no library can be opened"));
    }

    private static MemoryAddress function(MethodHandle dlsym, MethodHandle dlerror, MemoryAddress handle,
            String library, String symbol, ResourceScope scope) throws Throwable {
        MemoryAddress address = (MemoryAddress) dlsym.invokeExact(handle, CLinker.toCString(symbol, scope).address());
        if (address.equals(MemoryAddress.NULL)) {
            throw new IllegalStateException(library + " has no function " + symbol + ": " + lastError(dlerror));
        }
        return address;
    }

    /** {@code dlerror()}: the last dynamic-linking error of this thread, or a placeholder when there is none. */
    private static String lastError(MethodHandle dlerror) throws Throwable {
        MemoryAddress message = (MemoryAddress) dlerror.invokeExact();
        return message.equals(MemoryAddress.NULL) ? "(no dlerror message)" : CLinker.toJavaString(message);
    }

    /** Downcalls throw no checked exceptions; this satisfies the compiler for {@code invokeExact}. */
    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new AssertionError("a downcall threw a checked exception", t);
    }
}
