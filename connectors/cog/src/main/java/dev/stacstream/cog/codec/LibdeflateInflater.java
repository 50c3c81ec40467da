package dev.stacstream.cog.codec;

import java.lang.ref.Cleaner;
import jdk.incubator.foreign.CLinker;
import jdk.incubator.foreign.MemoryAccess;
import jdk.incubator.foreign.MemoryAddress;
import jdk.incubator.foreign.MemorySegment;
import jdk.incubator.foreign.ResourceScope;

/**
 * One thread's libdeflate state: a {@code libdeflate_decompressor} and the native buffers each block is
 * copied through (JDK 17's foreign-function API passes only native addresses to C, never a Java array). The
 * buffers grow to the largest block seen and are then reused, so that steady-state decoding allocates nothing.
 *
 * <p>Not thread-safe, and confined to the thread that creates it: its memory lives in confined resource
 * scopes, which refuse access from any other thread. {@link #close()} frees everything at once; an instance
 * dropped without it (the thread-local instance of a finished thread) is freed by a {@link Cleaner} once it
 * is unreachable. Only loaded after {@link Inflaters} checked that {@code jdk.incubator.foreign} is there.
 */
final class LibdeflateInflater implements AutoCloseable {

    /** Buffers start at this size, so that small blocks do not regrow them one by one. */
    private static final long MIN_BUFFER_BYTES = 64 * 1024;
    private static final long SIZE_T_BYTES = CLinker.C_LONG.byteSize();
    /** One cleaner thread for every instance (of this class loader): it frees what {@link #close()} did not. */
    private static final Cleaner CLEANER = Cleaner.create();

    private final LibdeflateLibrary library;
    /** Owns the decompressor (freed by a close action) and the {@code size_t} the decoded size is written to. */
    private final ResourceScope stateScope;
    private final MemoryAddress decompressor;
    private final MemorySegment decodedSize;
    /**
     * The addresses every downcall takes, taken once per buffer: {@code address()} allocates an object that escapes
     * into the downcall, so taking the three per block allocated 72 bytes per block.
     */
    private final MemoryAddress decodedSizeAddress;
    /** Owns {@link #input} and {@link #output}; replaced, and the old one closed, when a block needs more. */
    private ResourceScope bufferScope;
    private MemorySegment input;
    private MemorySegment output;
    private MemoryAddress inputAddress;
    private MemoryAddress outputAddress;
    private int produced;

    LibdeflateInflater(LibdeflateLibrary library) {
        this.library = library;
        this.stateScope = ResourceScope.newConfinedScope(CLEANER);
        this.decompressor = library.allocDecompressor();
        // The close action must not refer to this instance, or the cleaner could never find it unreachable.
        stateScope.addCloseAction(() -> library.freeDecompressor(decompressor));
        this.decodedSize = MemorySegment.allocateNative(SIZE_T_BYTES, SIZE_T_BYTES, stateScope);
        this.decodedSizeAddress = decodedSize.address();
        allocateBuffers(MIN_BUFFER_BYTES, MIN_BUFFER_BYTES);
    }

    /**
     * Inflates the whole zlib stream {@code src[offset, offset + length)}, producing at most {@code capacity}
     * bytes, and on success copies them to {@code dst[0, produced())}.
     *
     * @return the {@code libdeflate_result}: {@link LibdeflateLibrary#SUCCESS} (then {@link #produced()} is the
     *     decoded size, which may be less than {@code capacity}), {@code BAD_DATA} or {@code INSUFFICIENT_SPACE}
     *     (the stream holds more than {@code capacity} bytes); {@code dst} is untouched unless it succeeded
     */
    int inflate(byte[] src, int offset, int length, byte[] dst, int capacity) {
        ensureCapacity(length, capacity);
        input.asSlice(0, length).copyFrom(MemorySegment.ofArray(src).asSlice(offset, length));
        int result = library.zlibDecompress(decompressor, inputAddress, length, outputAddress, capacity,
                decodedSizeAddress);
        produced = 0;
        if (result == LibdeflateLibrary.SUCCESS) {
            // At most capacity by libdeflate's contract, and capacity is an int.
            produced = (int) MemoryAccess.getLong(decodedSize);
            MemorySegment.ofArray(dst).asSlice(0, produced).copyFrom(output.asSlice(0, produced));
        }
        return result;
    }

    /** The bytes the last successful {@link #inflate} decoded. */
    int produced() {
        return produced;
    }

    /** Bytes of native buffer memory this instance holds now (input plus output). */
    long bufferBytes() {
        return input.byteSize() + output.byteSize();
    }

    /** Frees the decompressor and the buffers; the instance cannot be used afterwards. Idempotent. */
    @Override
    public void close() {
        if (stateScope.isAlive()) {
            bufferScope.close();
            stateScope.close();
        }
    }

    private void ensureCapacity(long inputBytes, long outputBytes) {
        if (!stateScope.isAlive()) {
            throw new IllegalStateException("this libdeflate inflater is closed");
        }
        if (inputBytes <= input.byteSize() && outputBytes <= output.byteSize()) {
            return;
        }
        ResourceScope old = bufferScope;
        allocateBuffers(grownSize(input.byteSize(), inputBytes), grownSize(output.byteSize(), outputBytes));
        old.close();
    }

    /** Replaces the buffers (all fields at once, after both allocations succeeded); the caller closes the old scope. */
    private void allocateBuffers(long inputBytes, long outputBytes) {
        ResourceScope scope = ResourceScope.newConfinedScope(CLEANER);
        MemorySegment newInput = MemorySegment.allocateNative(inputBytes, scope);
        MemorySegment newOutput = MemorySegment.allocateNative(outputBytes, scope);
        bufferScope = scope;
        input = newInput;
        output = newOutput;
        inputAddress = newInput.address();
        outputAddress = newOutput.address();
    }

    /** The current size, or the next power of two at or above the request when that is larger. */
    private static long grownSize(long current, long requested) {
        return requested <= current ? current : Math.max(MIN_BUFFER_BYTES, Long.highestOneBit(requested - 1) << 1);
    }
}
