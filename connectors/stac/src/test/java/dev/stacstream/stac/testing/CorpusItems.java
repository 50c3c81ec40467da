package dev.stacstream.stac.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every real STAC item in the corpus, each with a label saying where it came from: the documents under
 * {@code stac/items/} (features of an ItemCollection file one by one) and the features of every recorded search
 * response in {@code stac/cassettes/}.
 */
public final class CorpusItems {

    /** One item document and where it came from. */
    public record Labeled(String label, JsonNode json) {
        @Override
        public String toString() {
            return label;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private CorpusItems() {}

    public static List<Labeled> all(TestCorpus corpus) {
        List<Labeled> items = new ArrayList<>();
        for (String file : corpus.files("items")) {
            JsonNode doc = parse(corpus.read(file), file);
            addFeatures(items, file, doc);
        }
        for (String file : corpus.files("cassettes")) {
            Cassette cassette = Cassette.read(corpus.resolve(file));
            for (int i = 0; i < cassette.interactions().size(); i++) {
                Cassette.Interaction interaction = cassette.interactions().get(i);
                if (interaction.status() == 200 && interaction.responseBody().contains("\"features\"")) {
                    addFeatures(items, file + " interaction " + i, parse(interaction.responseBody(), file));
                }
            }
        }
        return items;
    }

    private static void addFeatures(List<Labeled> items, String label, JsonNode doc) {
        if ("FeatureCollection".equals(doc.path("type").asText())) {
            for (JsonNode feature : doc.get("features")) {
                items.add(new Labeled(label + " " + feature.path("id").asText(), feature));
            }
        } else {
            items.add(new Labeled(label, doc));
        }
    }

    private static JsonNode parse(String text, String source) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("corpus file " + source + " is not JSON", e);
        }
    }
}
