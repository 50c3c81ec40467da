package dev.stacstream.sinks.manifest;

import dev.stacstream.sinks.kerchunk.ManifestStore;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.FileSystem.WriteMode;
import org.apache.flink.core.fs.Path;

/**
 * A {@link ManifestStore} on any Flink file system (e.g. {@code s3a://} through the flink-s3-fs-hadoop plugin).
 * A write creates the file with {@link WriteMode#OVERWRITE} and closes it: on object stores the object appears
 * whole when the upload completes, which is the atomic replacement the store promises. On a file system whose
 * files are visible while being written (HDFS), a reader may see a partial file during a write.
 */
final class FlinkFileSystemManifestStore implements ManifestStore {

    private final String root;

    FlinkFileSystemManifestStore(URI root) {
        String text = root.toString();
        this.root = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public Optional<byte[]> read(String path) {
        Path p = resolve(path);
        try {
            FileSystem fs = p.getFileSystem();
            if (!fs.exists(p)) {
                return Optional.empty();
            }
            try (InputStream in = fs.open(p)) {
                return Optional.of(in.readAllBytes());
            }
        } catch (FileNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }

    @Override
    public void write(String path, byte[] data) {
        Path p = resolve(path);
        try (FSDataOutputStream out = p.getFileSystem().create(p, WriteMode.OVERWRITE)) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + p, e);
        }
    }

    @Override
    public String location(String path) {
        return resolve(path).toString();
    }

    @Override
    public List<String> list(String folder) {
        Path dir = folder.isEmpty() ? new Path(root) : resolve(folder);
        List<String> out = new ArrayList<>();
        try {
            FileSystem fs = dir.getFileSystem();
            if (fs.exists(dir)) {
                collect(fs, dir, folder.isEmpty() ? "" : folder + "/", out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        out.sort(null);
        return out;
    }

    private static void collect(FileSystem fs, Path dir, String prefix, List<String> out) throws IOException {
        FileStatus[] children = fs.listStatus(dir);
        if (children == null) {
            return;
        }
        for (FileStatus child : children) {
            String name = child.getPath().getName();
            if (child.isDir()) {
                collect(fs, child.getPath(), prefix + name + "/", out);
            } else {
                out.add(prefix + name);
            }
        }
    }

    @Override
    public void deleteTree(String folder) {
        Path dir = resolve(folder);
        try {
            FileSystem fs = dir.getFileSystem();
            if (fs.exists(dir)) {
                fs.delete(dir, true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    private Path resolve(String path) {
        if (path.isEmpty() || path.startsWith("/") || ("/" + path + "/").contains("/../")
                || ("/" + path + "/").contains("/./")) {
            throw new IllegalArgumentException("manifest path '" + path + "' is not a file inside " + root);
        }
        return new Path(root + "/" + path);
    }

    @Override
    public String toString() {
        return "FlinkFileSystemManifestStore[" + root + "]";
    }
}
