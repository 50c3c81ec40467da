package dev.stacstream.stac.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A VCR (vcrpy) cassette: the HTTP interactions of a recorded session with a real STAC API, as pystac-client's test
 * suite stores them ({@code interactions[].request{method, uri, body}} and
 * {@code interactions[].response{status.code, headers, body.string}}).
 */
public final class Cassette {

    /** One recorded request and the server's response. */
    public record Interaction(String method, URI uri, String requestBody, int status,
            Map<String, List<String>> responseHeaders, String responseBody) {

        /** The recorded origin, e.g. {@code https://earth-search.aws.element84.com}. */
        public String origin() {
            return uri.getScheme() + "://" + uri.getRawAuthority();
        }
    }

    private final Path file;
    private final List<Interaction> interactions;

    private Cassette(Path file, List<Interaction> interactions) {
        this.file = file;
        this.interactions = List.copyOf(interactions);
    }

    /** Parses a cassette file. */
    public static Cassette read(Path file) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cassette " + file, e);
        }
        List<Interaction> interactions = new ArrayList<>();
        for (JsonNode interaction : root.path("interactions")) {
            JsonNode request = interaction.get("request");
            JsonNode response = interaction.get("response");
            JsonNode requestBody = request.get("body");
            Map<String, List<String>> headers = new LinkedHashMap<>();
            response.path("headers").properties().forEach(h -> {
                List<String> values = new ArrayList<>();
                h.getValue().forEach(v -> values.add(v.asText()));
                headers.put(h.getKey(), List.copyOf(values));
            });
            interactions.add(new Interaction(
                    request.get("method").asText(),
                    URI.create(request.get("uri").asText()),
                    requestBody == null || requestBody.isNull() ? null : requestBody.asText(),
                    response.path("status").path("code").asInt(),
                    headers,
                    response.path("body").path("string").asText()));
        }
        if (interactions.isEmpty()) {
            throw new IllegalArgumentException("cassette " + file + " has no interactions");
        }
        return new Cassette(file, interactions);
    }

    public Path file() {
        return file;
    }

    public List<Interaction> interactions() {
        return interactions;
    }

    /** The origins the session talked to (normally one). */
    public List<String> origins() {
        return interactions.stream().map(Interaction::origin).distinct().toList();
    }

    @Override
    public String toString() {
        return file.getFileName().toString();
    }
}
