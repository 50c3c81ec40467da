package dev.stacstream.sinks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * Finds and deletes the in-progress part files that failed attempts of a job left behind in a table's folders.
 *
 * <p>A FileSink writes each part file as a hidden {@code .<part name>.inprogress.<uuid>} file and renames it when
 * the checkpoint that covers it completes. When a task fails, the files it had opened after its last completed
 * checkpoint are never renamed nor deleted: Flink restores from the checkpoint and writes those rows again into
 * new files. Readers skip hidden files, so these orphans never show up as data, but a finished job should not leave
 * them lying around.
 *
 * <p><b>Only call this when no job writes under the table</b>: after a bounded job has finished, or after a stopped
 * job, never beside a running one, whose own in-progress and pending files look the same. Only hidden files named
 * after one of the table's part files are touched. On S3 ({@code s3a://}) an in-progress file is an open multipart
 * upload, invisible to listing; abort those with a bucket lifecycle rule (AbortIncompleteMultipartUpload).
 */
final class AbandonedPartFiles {

    private AbandonedPartFiles() {}

    /**
     * Deletes every abandoned in-progress file of the part files {@code <partPrefix>-…<partSuffix>} under
     * {@code tableRoot}, at any depth; returns what it deleted (nothing if the folder does not exist).
     */
    static List<Path> delete(Path tableRoot, String partPrefix, String partSuffix) {
        Pattern inProgress = Pattern.compile("\\." + Pattern.quote(partPrefix) + "-.+" + Pattern.quote(partSuffix)
                + "\\.inprogress\\.[0-9a-fA-F-]+");
        List<Path> deleted = new ArrayList<>();
        try {
            FileSystem fs = tableRoot.getFileSystem();
            if (fs.exists(tableRoot)) {
                deleteUnder(fs, tableRoot, inProgress, deleted);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove abandoned in-progress files under " + tableRoot, e);
        }
        return deleted;
    }

    private static void deleteUnder(FileSystem fs, Path dir, Pattern inProgress, List<Path> deleted)
            throws IOException {
        for (FileStatus status : fs.listStatus(dir)) {
            Path path = status.getPath();
            if (status.isDir()) {
                deleteUnder(fs, path, inProgress, deleted);
            } else if (inProgress.matcher(path.getName()).matches()) {
                if (!fs.delete(path, false) && fs.exists(path)) {
                    throw new IOException("file system refused to delete " + path);
                }
                deleted.add(path);
            }
        }
    }
}
