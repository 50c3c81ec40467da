package dev.stacstream.sinks.manifest;

import dev.stacstream.sinks.kerchunk.LocalManifestStore;
import dev.stacstream.sinks.kerchunk.ManifestStore;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/** The {@link ManifestStore} for a manifests folder URI. */
public final class ManifestStores {

    private ManifestStores() {}

    /**
     * A local folder ({@code file:} URI) gets {@link LocalManifestStore} (temporary file + atomic rename); any
     * other scheme goes through Flink's file systems ({@link FlinkFileSystemManifestStore}).
     */
    public static ManifestStore open(URI root) {
        String scheme = root.getScheme() == null ? "file" : root.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("file")) {
            return new LocalManifestStore(root.getScheme() == null ? Path.of(root.getPath()) : Path.of(root));
        }
        return new FlinkFileSystemManifestStore(root);
    }
}
