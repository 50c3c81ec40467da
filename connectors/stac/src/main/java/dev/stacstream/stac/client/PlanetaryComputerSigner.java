package dev.stacstream.stac.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stacstream.stac.model.Rfc3339;
import dev.stacstream.storage.StorageOptions;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs Azure Blob Storage hrefs of Microsoft Planetary Computer items with a SAS token from its token endpoint
 * ({@code GET {endpoint}/{storage account}/{container}} answering {@code {"msft:expiry": ..., "token": ...}}), as the
 * planetary-computer Python SDK does.
 *
 * <p>Only hrefs on {@code *.blob.core.windows.net} that do not already carry a signature ({@code se} and
 * {@code sig} query parameters) are signed; everything else passes through. Tokens are cached per storage account
 * and container and renewed {@link #RENEW_BEFORE_EXPIRY} before they expire, so a long-running job keeps reading.
 * Token requests use the client's bounded retries; a refusal (e.g. 403 for a container that needs a subscription
 * key) is a {@link StacHttpException} naming the token URL.
 *
 * <p>Serializable: the endpoint, optional subscription key and options travel; the HTTP client and token cache are
 * created on first use where the signer runs. Thread-safe.
 */
public final class PlanetaryComputerSigner implements HrefSigner {

    private static final long serialVersionUID = 1L;

    /** Planetary Computer's SAS token endpoint. */
    public static final String DEFAULT_TOKEN_ENDPOINT = "https://planetarycomputer.microsoft.com/api/sas/v1/token";

    /** A token is renewed when it has less than this left, so that a read started with it still completes. */
    public static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(5);

    private static final String BLOB_HOST_SUFFIX = ".blob.core.windows.net";
    private static final String SUBSCRIPTION_KEY_HEADER = "Ocp-Apim-Subscription-Key";

    private final String tokenEndpoint;
    private final String subscriptionKey;
    private final StorageOptions options;
    private final transient Clock clock;
    private transient volatile Tokens tokens;

    private PlanetaryComputerSigner(String tokenEndpoint, String subscriptionKey, StorageOptions options, Clock clock) {
        this.tokenEndpoint = stripTrailingSlash(Objects.requireNonNull(tokenEndpoint, "tokenEndpoint"));
        this.subscriptionKey = subscriptionKey;
        this.options = Objects.requireNonNull(options, "options");
        this.clock = clock;
    }

    /** A signer using the public token endpoint without a subscription key. */
    public static PlanetaryComputerSigner create() {
        return new PlanetaryComputerSigner(DEFAULT_TOKEN_ENDPOINT, null, StorageOptions.defaults(), null);
    }

    /**
     * @param tokenEndpoint the SAS token endpoint (tests point it at a local server)
     * @param subscriptionKey a Planetary Computer subscription key, or {@code null}
     * @param options timeouts and retries of the token requests
     */
    public static PlanetaryComputerSigner create(String tokenEndpoint, String subscriptionKey, StorageOptions options) {
        return new PlanetaryComputerSigner(tokenEndpoint, subscriptionKey, options, null);
    }

    /** For tests: the clock token expiry is judged by. */
    static PlanetaryComputerSigner create(String tokenEndpoint, StorageOptions options, Clock clock) {
        return new PlanetaryComputerSigner(tokenEndpoint, null, options, clock);
    }

    @Override
    public String sign(String href) {
        URI uri;
        try {
            uri = URI.create(href);
        } catch (IllegalArgumentException notAUri) {
            return href;
        }
        String host = uri.getHost();
        if (host == null || !host.toLowerCase(Locale.ROOT).endsWith(BLOB_HOST_SUFFIX) || isSigned(uri)) {
            return href;
        }
        String account = host.substring(0, host.indexOf('.'));
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        List<String> segments = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        if (segments.isEmpty()) {
            return href; // the account root: nothing to read with a container token
        }
        String token = tokens().token(account, segments.get(0));
        return href + (uri.getRawQuery() == null ? "?" : "&") + token;
    }

    private static boolean isSigned(URI uri) {
        String query = uri.getRawQuery();
        if (query == null) {
            return false;
        }
        List<String> names = Arrays.stream(query.split("&")).map(p -> p.split("=", 2)[0]).toList();
        return names.contains("se") && names.contains("sig");
    }

    private Tokens tokens() {
        Tokens current = tokens;
        if (current == null) {
            synchronized (this) {
                if (tokens == null) {
                    tokens = new Tokens(clock != null ? clock : Clock.systemUTC());
                }
                current = tokens;
            }
        }
        return current;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The token cache and its HTTP client, created where the signer runs. */
    private final class Tokens {
        private final Clock clock;
        private final JsonHttp http;
        private final Map<String, Token> byContainer = new ConcurrentHashMap<>();

        Tokens(Clock clock) {
            this.clock = clock;
            this.http = new JsonHttp(options, Sleeper.THREAD, clock);
        }

        String token(String account, String container) {
            String key = account + "/" + container;
            Token cached = byContainer.get(key);
            if (cached != null && fresh(cached)) {
                return cached.token;
            }
            synchronized (this) {
                cached = byContainer.get(key);
                if (cached == null || !fresh(cached)) {
                    cached = fetch(account, container);
                    byContainer.put(key, cached);
                }
                return cached.token;
            }
        }

        private boolean fresh(Token token) {
            return clock.instant().plus(RENEW_BEFORE_EXPIRY).isBefore(token.expiry);
        }

        private Token fetch(String account, String container) {
            URI url = URI.create(tokenEndpoint + "/" + account + "/" + container);
            Map<String, List<String>> headers = subscriptionKey == null
                    ? Map.of() : Map.of(SUBSCRIPTION_KEY_HEADER, List.of(subscriptionKey));
            PageRequest request = new PageRequest(PageRequest.GET, url, headers, null);
            JsonNode answer = http.send(request);
            JsonNode token = answer.get("token");
            JsonNode expiry = answer.get("msft:expiry");
            if (token == null || !token.isTextual() || expiry == null || !expiry.isTextual()) {
                throw new StacDocumentException(request.describe(),
                        "a SAS token answer needs string members \"token\" and \"msft:expiry\", got " + answer);
            }
            try {
                return new Token(token.asText(), Rfc3339.parse(expiry.asText()));
            } catch (DateTimeParseException e) {
                throw new StacDocumentException(request.describe(),
                        "msft:expiry '" + expiry.asText() + "' is not an RFC 3339 date-time");
            }
        }
    }

    private record Token(String token, Instant expiry) {}

    @Override
    public String toString() {
        return "PlanetaryComputerSigner{" + tokenEndpoint + (subscriptionKey != null ? ", with subscription key" : "")
                + "}";
    }
}
