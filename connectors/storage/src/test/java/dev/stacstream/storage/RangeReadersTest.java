package dev.stacstream.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RangeReadersTest {

    private static final SharedClients CLIENTS = new SharedClients();

    @AfterAll
    static void closeClients() {
        CLIENTS.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/data/a.tif, file",
        "relative/dir/a.tif, file",
        "C:\\data\\a.tif, file",
        "file:///data/a.tif, file",
        "FILE:///data/a.tif, file",
        "http://example.com/a.tif, http",
        "HTTPS://example.com/a.tif, https",
        "s3://bucket/key.tif, s3",
        "gs://bucket/key.tif, gs",
    })
    void detectsTheScheme(String uri, String scheme) {
        assertThat(RangeReaders.schemeOf(uri)).isEqualTo(scheme);
    }

    @Test
    void discoversTheBuiltInProviders() {
        assertThat(RangeReaders.supportedSchemes()).containsExactly("file", "http", "https", "s3");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/data/a.tif, FileRangeReader",
        "https://example.com/a.tif, HttpRangeReader",
        "s3://bucket/dir/a.tif, S3RangeReader",
    })
    void opensTheBackendOfTheSchemeWithoutIo(String uri, String readerClass) {
        StorageOptions options = StorageOptions.builder().s3Region("us-west-2").s3Anonymous(true).build();
        try (RangeReader reader = RangeReaders.open(uri, options, CLIENTS)) {
            assertThat(reader.getClass().getSimpleName()).isEqualTo(readerClass);
            assertThat(reader.uri()).isEqualTo(uri);
        }
    }

    @Test
    void unknownSchemeNamesTheUriAndTheKnownSchemes() {
        assertThatThrownBy(() -> RangeReaders.open("gs://bucket/a.tif", StorageOptions.defaults(), CLIENTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gs://bucket/a.tif: no RangeReaderProvider for scheme 'gs' (available: [file, http, https, s3])");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "s3://bucket, 's3://bucket: expected s3://bucket/key with a non-empty bucket and key'",
        "s3://bucket/, 's3://bucket/: expected s3://bucket/key with a non-empty bucket and key'",
        "s3:///key, 's3:///key: expected s3://bucket/key with a non-empty bucket and key'",
        "http:///path, 'http:///path: URL has no host'",
    })
    void malformedUrisAreRejectedAtOpen(String uri, String message) {
        assertThatThrownBy(() -> RangeReaders.open(uri, StorageOptions.defaults(), CLIENTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void closedSharedClientsRefuseNewReadersAndTheJvmWideOnesCannotBeClosed() {
        SharedClients clients = new SharedClients();
        clients.close();
        clients.close(); // idempotent

        assertThatThrownBy(() -> RangeReaders.open("https://example.com/a.tif", StorageOptions.defaults(), clients))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SharedClients is closed");
        assertThatThrownBy(() -> SharedClients.jvmWide().close()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void readersWithEqualSettingsShareOneClient() {
        try (SharedClients clients = new SharedClients()) {
            StorageOptions options = StorageOptions.defaults();
            RangeReaders.open("https://a.example.com/1.tif", options, clients).close();
            RangeReaders.open("http://b.example.com/2.tif", options, clients).close();
            assertThat(clients.clientCount()).isEqualTo(1);

            RangeReaders.open("https://a.example.com/1.tif", options.toBuilder().maxConcurrentRequests(4).build(),
                    clients).close();
            assertThat(clients.clientCount()).isEqualTo(2);
        }
    }
}
