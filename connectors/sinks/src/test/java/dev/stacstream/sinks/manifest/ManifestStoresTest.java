package dev.stacstream.sinks.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stacstream.sinks.kerchunk.LocalManifestStore;
import dev.stacstream.sinks.kerchunk.ManifestStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store contract the publisher relies on, for the local store and for the Flink file-system store (here on
 * Flink's local file system, the same code path as on {@code s3a://} but for the plugin behind it).
 */
class ManifestStoresTest {

    @TempDir
    Path tmp;

    static Stream<Arguments> stores() {
        Function<Path, ManifestStore> local = LocalManifestStore::new;
        Function<Path, ManifestStore> flink = p -> new FlinkFileSystemManifestStore(p.toUri());
        return Stream.of(Arguments.of("local", local), Arguments.of("flink", flink));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void writesReadsListsAndDeletesTrees(String name, Function<Path, ManifestStore> open) {
        ManifestStore store = open.apply(tmp.resolve("m"));

        store.write("c/t/red.json", bytes("1"));
        store.write("c/t/red.json", bytes("2"));
        store.write("c/t/.red.parq.staging/red/refs.0.parq", bytes("3"));
        store.write("c/t/.red.parq.staging/.zmetadata", bytes("4"));

        assertThat(store.read("c/t/red.json")).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("2")));
        assertThat(store.read("c/t/absent.json")).isEmpty();
        assertThat(store.list("c/t/.red.parq.staging")).containsExactly("c/t/.red.parq.staging/.zmetadata",
                "c/t/.red.parq.staging/red/refs.0.parq");
        assertThat(store.under("c/t").list(".red.parq.staging")).containsExactly(".red.parq.staging/.zmetadata",
                ".red.parq.staging/red/refs.0.parq");
        assertThat(store.list("nothing/here")).isEmpty();

        store.under("c/t").deleteTree(".red.parq.staging");
        store.deleteTree("nothing/here");

        assertThat(store.list("c")).containsExactly("c/t/red.json");
        assertThat(store.location("c/t/red.json")).contains("m").endsWith("c/t/red.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void pathsOutsideTheRootAreRefused(String name, Function<Path, ManifestStore> open) {
        ManifestStore store = open.apply(tmp.resolve("m"));

        assertThatThrownBy(() -> store.write("../escape.json", bytes("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("../escape.json");
    }

    @org.junit.jupiter.api.Test
    void aFileUriOpensTheLocalStore() {
        assertThat(ManifestStores.open(tmp.toUri())).isInstanceOf(LocalManifestStore.class);
        assertThat(ManifestStores.open(java.net.URI.create("s3a://bucket/out/manifests")))
                .isInstanceOf(FlinkFileSystemManifestStore.class);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
