package dev.stacstream.sinks.kerchunk.parquet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.SeekableInputStream;

/**
 * parquet-java's file abstractions over byte arrays: a record file is built and parsed in memory (it is the unit
 * the contract bounds memory by), and moved through a {@code ManifestStore} as a whole.
 */
final class InMemoryFiles {

    private InMemoryFiles() {}

    /** An {@link OutputFile} that collects what parquet-java writes. */
    static final class Output implements OutputFile {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        byte[] toByteArray() {
            return bytes.toByteArray();
        }

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new PositionOutputStream() {
                @Override
                public long getPos() {
                    return bytes.size();
                }

                @Override
                public void write(int b) {
                    bytes.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    bytes.write(b, off, len);
                }
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            bytes.reset();
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
    }

    /** An {@link InputFile} over bytes already read. */
    static final class Input implements InputFile {
        private final byte[] data;

        Input(byte[] data) {
            this.data = data;
        }

        @Override
        public long getLength() {
            return data.length;
        }

        @Override
        public SeekableInputStream newStream() {
            SeekableBytes in = new SeekableBytes(data);
            return new DelegatingSeekableInputStream(in) {
                @Override
                public long getPos() {
                    return in.position();
                }

                @Override
                public void seek(long newPos) {
                    in.seek(newPos);
                }
            };
        }
    }

    private static final class SeekableBytes extends ByteArrayInputStream {
        SeekableBytes(byte[] data) {
            super(data);
        }

        long position() {
            return pos;
        }

        void seek(long newPos) {
            if (newPos < 0 || newPos > count) {
                throw new IllegalArgumentException("seek to " + newPos + " outside [0, " + count + "]");
            }
            pos = (int) newPos;
        }
    }
}
