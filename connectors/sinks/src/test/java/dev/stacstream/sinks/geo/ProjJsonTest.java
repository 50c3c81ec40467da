package dev.stacstream.sinks.geo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Compares {@link ProjJson} with PROJ's own PROJJSON, recorded by {@code src/test/resources/projjson/generate.py}. */
class ProjJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "EPSG:{0}")
    @ValueSource(ints = {4326, 32601, 32629, 32660, 32701, 32733, 32760})
    void equalsProjsOutputLessTheUsageMembers(int code) throws IOException {
        ObjectNode proj = (ObjectNode) oracle(code);
        // scope, area and bbox describe where the CRS is meant to be used; PROJJSON makes them optional.
        proj.remove("scope");
        proj.remove("area");
        proj.remove("bbox");

        JsonNode ours = JSON.readTree(ProjJson.of("EPSG:" + code).orElseThrow());

        assertThat(ours).isEqualTo(proj);
    }

    @ParameterizedTest
    @ValueSource(strings = {"epsg:32629", " EPSG:32629 "})
    void acceptsAnyCaseAndSurroundingBlanks(String crs) throws IOException {
        assertThat(JSON.readTree(ProjJson.of(crs).orElseThrow()).at("/id/code").asInt()).isEqualTo(32629);
    }

    @ParameterizedTest
    @ValueSource(strings = {"EPSG:3035", "EPSG:32600", "EPSG:32661", "EPSG:32700", "EPSG:32761", "EPSG:3857",
            "OGC:CRS84", "EPSG:", "32629", "EPSG:32629x", ""})
    void knowsNothingElse(String crs) {
        assertThat(ProjJson.of(crs)).isEmpty();
    }

    private static JsonNode oracle(int code) throws IOException {
        try (InputStream in = ProjJsonTest.class.getResourceAsStream("/projjson/EPSG_" + code + ".json")) {
            assertThat(in).as("oracle file for EPSG:%s", code).isNotNull();
            return JSON.readTree(in);
        }
    }
}
