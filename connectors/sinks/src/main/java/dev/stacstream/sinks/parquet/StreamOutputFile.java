package dev.stacstream.sinks.parquet;

import java.io.BufferedOutputStream;
import java.io.IOException;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A part file's Flink stream as parquet's {@link OutputFile}, buffered: parquet writes its footer, column indexes
 * and page headers in many small pieces, which would otherwise each be a write on the stream.
 *
 * <p>Closing what {@link #create} returns only flushes: the {@code FileSink} owns the stream, and closes (commits)
 * it after the writer has finished.
 */
final class StreamOutputFile implements OutputFile {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final FSDataOutputStream stream;

    StreamOutputFile(FSDataOutputStream stream) {
        this.stream = stream;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) throws IOException {
        return new Buffered(stream);
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
        return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
        return false;
    }

    @Override
    public long defaultBlockSize() {
        return 0;
    }

    private static final class Buffered extends PositionOutputStream {

        private final BufferedOutputStream out;
        private long position;

        Buffered(FSDataOutputStream stream) throws IOException {
            this.out = new BufferedOutputStream(stream, BUFFER_BYTES);
            this.position = stream.getPos();
        }

        @Override
        public long getPos() {
            return position;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            position++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            position += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
