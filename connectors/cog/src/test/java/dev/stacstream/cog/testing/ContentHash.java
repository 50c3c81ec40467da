package dev.stacstream.cog.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** SHA-256 of file contents, the key of the oracle and matrix caches. */
public final class ContentHash {

    /** Hex digits kept of a hash: 64 bits, plenty to tell a few thousand test files apart. */
    public static final int KEY_HEX_DIGITS = 16;

    private static final Map<FileVersion, String> FILE_HASHES = new ConcurrentHashMap<>();

    private ContentHash() {}

    /** The first {@link #KEY_HEX_DIGITS} hex digits of the SHA-256 of {@code bytes}. */
    public static String of(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, KEY_HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /** The hash of a file's contents, remembered per (path, size, modification time) for the life of the JVM. */
    public static String of(Path file) {
        try {
            Path absolute = file.toAbsolutePath().normalize();
            FileVersion version = new FileVersion(absolute, Files.size(absolute), Files.getLastModifiedTime(absolute).toMillis());
            String known = FILE_HASHES.get(version);
            if (known != null) {
                return known;
            }
            String hash = of(Files.readAllBytes(absolute));
            FILE_HASHES.put(version, hash);
            return hash;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash " + file, e);
        }
    }

    private record FileVersion(Path path, long size, long modifiedMillis) {}
}
