package dev.stacstream.job.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns the location strings of a pipeline file ({@code source.catalog}, {@code output.root},
 * {@code checkpoint.*}) into absolute URIs. A string with a scheme ({@code s3://b/k}, {@code https://…},
 * {@code file:///abs}) is taken as a URI; anything else is a local path, resolved against the working directory
 * (not against the pipeline file, so that a path means the same on the command line and in the file).
 */
final class Locations {

    /** A URI scheme of at least two characters, so that a Windows drive ({@code C:\}) is not one. */
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:");
    private static final String FILE_SCHEME = "file";

    private Locations() {
    }

    /**
     * @throws IllegalArgumentException for a malformed URI or a relative {@code file:} URI
     */
    static URI resolve(String text, Path workingDirectory) {
        if (!SCHEME.matcher(text).find()) {
            // Path.toUri() ends an existing folder with '/', a missing one without; drop it so both read the same
            return withoutTrailingSlash(workingDirectory.resolve(text).normalize().toUri());
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid URI: " + e.getReason(), e);
        }
        if (isFile(uri) && (uri.isOpaque() || uri.getPath() == null || !uri.getPath().startsWith("/"))) {
            throw new IllegalArgumentException("'" + text + "' is a relative file: URI; write file:///absolute/path"
                    + " or a plain path (relative to the working directory)");
        }
        return uri.normalize();
    }

    static boolean isFile(URI uri) {
        return uri.getScheme() != null && uri.getScheme().toLowerCase(Locale.ROOT).equals(FILE_SCHEME);
    }

    /** Whether the URI names a web resource, where nothing can be written. */
    static boolean isHttp(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https");
    }

    /**
     * The folder URI without its trailing slash ({@code file:///out/local/} → {@code file:///out/local}), so that
     * {@code root + "/" + name} never doubles a slash; the file-system root itself is kept as it is.
     */
    static URI withoutTrailingSlash(URI uri) {
        String path = uri.getRawPath();
        if (path == null || !path.endsWith("/") || uri.getRawQuery() != null || uri.getRawFragment() != null
                || path.equals("/") && uri.getRawAuthority() == null) {
            return uri;
        }
        String text = uri.toString();
        return URI.create(text.substring(0, text.length() - 1));
    }
}
