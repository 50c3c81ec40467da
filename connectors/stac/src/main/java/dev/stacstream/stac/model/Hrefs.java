package dev.stacstream.stac.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolution of STAC hrefs (asset and link targets) against the document they appear in, following RFC 3986 for
 * URIs of any scheme ({@code https}, {@code s3}, {@code file}, ...) and treating a base without a scheme as a local
 * path. An href that already has a scheme is returned unchanged, so signed query strings survive untouched.
 */
public final class Hrefs {

    /** RFC 3986 scheme of at least two characters, so that a Windows drive letter is not taken for one. */
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+):");

    private static final String FILE_SLASH = "file:/";

    private Hrefs() {}

    /** The lower-case scheme of {@code href}, or empty for a relative reference or plain path. */
    public static Optional<String> scheme(String href) {
        Matcher m = SCHEME.matcher(href);
        return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** Whether {@code href} has a scheme (and so needs no base). */
    public static boolean isAbsolute(String href) {
        return scheme(href).isPresent();
    }

    /**
     * {@code href} resolved against {@code base}, the location of the document holding it.
     *
     * @param base an absolute URI or a local path (absolute or relative to the working directory), or {@code null}
     *     when unknown, in which case {@code href} is returned as is
     * @throws StacFormatException if either is not a valid URI reference
     */
    public static String resolve(String base, String href) {
        if (isAbsolute(href) || base == null || base.isBlank()) {
            return href;
        }
        URI baseUri = isAbsolute(base) ? parse(base, base) : Path.of(base).toAbsolutePath().toUri();
        if (baseUri.isOpaque()) {
            throw new StacFormatException(base, "cannot resolve '" + href + "' against an opaque base URI");
        }
        return withEmptyFileAuthority(baseUri.resolve(parse(href, base)).toString());
    }

    /**
     * The URI of a document given as a URI or a local path: a local path becomes an absolute {@code file:} URI so
     * that relative links inside it resolve. Other values are returned unchanged.
     */
    public static String locationOf(String uriOrPath) {
        return isAbsolute(uriOrPath) ? uriOrPath : Path.of(uriOrPath).toAbsolutePath().normalize().toUri().toString();
    }

    /**
     * {@code java.net.URI} writes {@code file:///a/b} back as {@code file:/a/b} after resolution; keep the
     * conventional {@code file:///} form that {@link java.nio.file.Path#toUri()} and users write.
     */
    private static String withEmptyFileAuthority(String uri) {
        if (uri.regionMatches(true, 0, "file:/", 0, FILE_SLASH.length()) && !uri.regionMatches(true, 0, "file://", 0,
                FILE_SLASH.length() + 1)) {
            return "file://" + uri.substring("file:".length());
        }
        return uri;
    }

    private static URI parse(String reference, String context) {
        try {
            return new URI(reference);
        } catch (URISyntaxException invalid) {
            // Hrefs written by hand sometimes contain spaces or other characters URIs must escape: quote them.
            try {
                return new URI(null, null, reference, null);
            } catch (URISyntaxException e) {
                throw new StacFormatException(context, "'" + reference + "' is not a valid URI reference: "
                        + invalid.getMessage(), invalid);
            }
        }
    }
}
