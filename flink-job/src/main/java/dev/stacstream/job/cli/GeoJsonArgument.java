package dev.stacstream.job.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stacstream.stac.model.StacFormatException;
import dev.stacstream.stac.model.StacJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code --intersects} argument, as pystac-client takes it: GeoJSON text or the path of a GeoJSON file, holding a
 * geometry, a Feature (its geometry is used) or a FeatureCollection of exactly one Feature.
 */
final class GeoJsonArgument {

    private GeoJsonArgument() {}

    /** The geometry as compact JSON text. */
    static String geometry(String argument) {
        String text = argument.strip();
        String source = "--intersects";
        if (!text.startsWith("{")) {
            Path file = Path.of(text);
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
                source = "--intersects " + file;
            } catch (IOException e) {
                throw new CliInputException("--intersects: '" + argument + "' is neither GeoJSON text nor a readable "
                        + "file (" + e.getClass().getSimpleName() + ")", e);
            }
        }
        JsonNode json;
        try {
            json = StacJson.parse(text, source);
        } catch (StacFormatException e) {
            throw new CliInputException(e.getMessage(), e);
        }
        return StacJson.write(geometryOf(json, source));
    }

    private static JsonNode geometryOf(JsonNode json, String source) {
        String type = json.path("type").asText();
        if ("Feature".equals(type)) {
            return geometryOf(json.path("geometry"), source + " geometry");
        }
        if ("FeatureCollection".equals(type)) {
            JsonNode features = json.path("features");
            if (features.size() != 1) {
                throw new CliInputException(source + ": a FeatureCollection must hold exactly one Feature, found "
                        + features.size());
            }
            return geometryOf(features.get(0), source + " features[0]");
        }
        if (type.isEmpty() || !json.has("coordinates") && !json.has("geometries")) {
            throw new CliInputException(source + ": not a GeoJSON geometry, Feature or FeatureCollection");
        }
        return json;
    }
}
