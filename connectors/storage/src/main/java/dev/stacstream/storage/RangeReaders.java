package dev.stacstream.storage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens a {@link RangeReader} for a URI, choosing the backend by scheme through the {@link RangeReaderProvider}s
 * registered in {@code META-INF/services}.
 *
 * <p>Built in: plain local paths and {@code file:} URIs (positional {@code FileChannel} reads), {@code http://} and
 * {@code https://} ({@code java.net.http} with {@code Range} requests), and {@code s3://bucket/key} (AWS SDK v2
 * async client). A single-letter "scheme" such as {@code C:\data\a.tif} is treated as a local path.
 */
public final class RangeReaders {

    /** RFC 3986 scheme; at least two characters so Windows drive letters stay paths. */
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+):");

    private RangeReaders() {}

    /** Opens {@code uri} with default options; S3 settings come from the AWS environment variables. */
    public static RangeReader open(String uri) {
        return open(uri, StorageOptions.defaults());
    }

    /** Opens {@code uri} with {@code options}, borrowing clients from the {@linkplain SharedClients#jvmWide() JVM-wide} pool. */
    public static RangeReader open(String uri, StorageOptions options) {
        return open(uri, options, SharedClients.jvmWide());
    }

    /**
     * Opens {@code uri} with {@code options}, borrowing clients from {@code clients} (which must outlive the reader).
     *
     * @throws IllegalArgumentException if no provider handles the scheme, or the URI is malformed for it
     */
    public static RangeReader open(String uri, StorageOptions options, SharedClients clients) {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(clients, "clients");
        if (uri.isBlank()) {
            throw new IllegalArgumentException("cannot open a blank URI");
        }
        String scheme = schemeOf(uri);
        RangeReaderProvider provider = Providers.BY_SCHEME.get(scheme);
        if (provider == null) {
            throw new IllegalArgumentException(String.format(
                    "%s: no RangeReaderProvider for scheme '%s' (available: %s)",
                    uri, scheme, Providers.BY_SCHEME.keySet()));
        }
        return provider.open(uri, options, clients);
    }

    /** The lower-case scheme of {@code uri}, or {@code "file"} for a plain path. */
    public static String schemeOf(String uri) {
        Matcher m = SCHEME.matcher(uri);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "file";
    }

    /** The schemes that have a provider, sorted. */
    public static Set<String> supportedSchemes() {
        return Providers.BY_SCHEME.keySet();
    }

    /** Lazy holder: providers are loaded once, on first use, from this module's class loader. */
    private static final class Providers {
        static final Map<String, RangeReaderProvider> BY_SCHEME = load();

        private static Map<String, RangeReaderProvider> load() {
            Map<String, RangeReaderProvider> byScheme = new TreeMap<>();
            for (RangeReaderProvider provider :
                    ServiceLoader.load(RangeReaderProvider.class, RangeReaderProvider.class.getClassLoader())) {
                for (String scheme : new ArrayList<>(provider.schemes())) {
                    RangeReaderProvider previous = byScheme.putIfAbsent(scheme.toLowerCase(Locale.ROOT), provider);
                    if (previous != null) {
                        throw new IllegalStateException(String.format(
                                "scheme '%s' is claimed by both %s and %s",
                                scheme, previous.getClass().getName(), provider.getClass().getName()));
                    }
                }
            }
            return Collections.unmodifiableMap(byScheme);
        }
    }
}
