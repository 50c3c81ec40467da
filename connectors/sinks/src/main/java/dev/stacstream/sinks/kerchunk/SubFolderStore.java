package dev.stacstream.sinks.kerchunk;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link ManifestStore#under}: the files of a parent store below one folder, by paths relative to that folder. */
final class SubFolderStore implements ManifestStore {

    private final ManifestStore parent;
    private final String prefix;

    SubFolderStore(ManifestStore parent, String folder) {
        this.parent = Objects.requireNonNull(parent, "parent");
        if (folder.isEmpty() || folder.startsWith("/") || folder.endsWith("/")) {
            throw new IllegalArgumentException("'" + folder + "' is not a relative folder path");
        }
        this.prefix = folder + "/";
    }

    @Override
    public Optional<byte[]> read(String path) {
        return parent.read(prefix + path);
    }

    @Override
    public void write(String path, byte[] data) {
        parent.write(prefix + path, data);
    }

    @Override
    public String location(String path) {
        return parent.location(prefix + path);
    }

    @Override
    public List<String> list(String folder) {
        return parent.list(prefix + folder).stream().map(p -> p.substring(prefix.length())).toList();
    }

    @Override
    public void deleteTree(String folder) {
        parent.deleteTree(prefix + folder);
    }

    @Override
    public String toString() {
        return parent + "/" + prefix;
    }
}
