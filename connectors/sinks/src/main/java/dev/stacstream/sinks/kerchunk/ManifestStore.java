package dev.stacstream.sinks.kerchunk;

import java.util.List;
import java.util.Optional;

/**
 * Where manifests are read from and written to: whole files by {@code /}-separated relative path. Implementations
 * replace a file atomically (a reader sees the old or the new bytes, never a mix) and are thread-safe; a file is
 * at most one record file or one JSON manifest, so holding it in memory is the contract. The library writes through
 * this narrow interface so that the job can put manifests on its own file system (e.g. S3 through Flink's).
 */
public interface ManifestStore {

    /** The file's bytes, or empty when it does not exist. */
    Optional<byte[]> read(String path);

    /** Creates or replaces the file (creating parent folders as needed). */
    void write(String path, byte[] data);

    /** The full location of {@code path}, for messages. */
    String location(String path);

    /** The files under {@code folder} (recursively), as paths relative to this store, sorted; empty when none. */
    List<String> list(String folder);

    /** Deletes {@code folder} and everything under it; nothing happens when it does not exist. */
    void deleteTree(String folder);

    /** A view of this store whose paths are relative to {@code folder}. */
    default ManifestStore under(String folder) {
        return new SubFolderStore(this, folder);
    }
}
