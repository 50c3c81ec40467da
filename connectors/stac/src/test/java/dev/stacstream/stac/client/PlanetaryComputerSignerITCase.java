package dev.stacstream.stac.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stacstream.stac.model.StacItem;
import dev.stacstream.stac.testing.LoopbackServer.Received;
import dev.stacstream.stac.testing.ScriptedServer;
import dev.stacstream.stac.testing.ScriptedServer.Reply;
import dev.stacstream.stac.testing.TestCorpus;
import dev.stacstream.storage.RetryPolicy;
import dev.stacstream.storage.StorageOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Planetary Computer SAS signing against a token endpoint on loopback, with a clock the test moves. */
class PlanetaryComputerSignerITCase {

    private static final Instant START = Instant.parse("2024-05-01T12:00:00Z");
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(45);
    private static final StorageOptions OPTIONS = StorageOptions.builder()
            .retryPolicy(RetryPolicy.of(2, Duration.ofMillis(1), Duration.ofMillis(5), 2.0)).build();
    private static final String PC_ITEM =
            "items/planetary-computer/S2B_MSIL2A_20190629T212529_R043_T06VVN_20201006T080531_raster_ext.json";

    /** A clock the test advances. */
    private static final class MovableClock extends Clock {
        private Instant now = START;

        void advance(Duration by) {
            now = now.plus(by);
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final AtomicInteger issued = new AtomicInteger();

    /** Token endpoint: a new token per request, valid {@link #TOKEN_LIFETIME} from the test clock's now. */
    private ScriptedServer tokenEndpoint() {
        return ScriptedServer.start(r -> Reply.json("{\"msft:expiry\": \"" + clock.instant().plus(TOKEN_LIFETIME)
                + "\", \"token\": \"st=x&se=y&sp=rl&sr=c&sig=t" + issued.incrementAndGet() + "\"}"));
    }

    @Test
    void signsBlobHrefsWithOneCachedTokenPerContainer() {
        StacItem item = StacItem.fromJson(TestCorpus.require().read(PC_ITEM), PC_ITEM);
        String b04 = item.asset("B04").orElseThrow().resolvedHref();
        String scl = item.asset("SCL").orElseThrow().resolvedHref();
        try (ScriptedServer server = tokenEndpoint()) {
            HrefSigner signer = PlanetaryComputerSigner.create(server.origin() + "/api/sas/v1/token", OPTIONS, clock);

            String signedB04 = signer.sign(b04);
            String signedScl = signer.sign(scl);
            String otherContainer = signer.sign("https://landsateuwest.blob.core.windows.net/landsat-c2/LC08/B4.TIF");

            assertThat(signedB04).isEqualTo(b04 + "?st=x&se=y&sp=rl&sr=c&sig=t1");
            assertThat(signedScl).isEqualTo(scl + "?st=x&se=y&sp=rl&sr=c&sig=t1");
            assertThat(otherContainer).endsWith("/B4.TIF?st=x&se=y&sp=rl&sr=c&sig=t2");
            assertThat(server.received()).extracting(Received::path).containsExactly(
                    "/api/sas/v1/token/sentinel2l2a01/sentinel2-l2", "/api/sas/v1/token/landsateuwest/landsat-c2");
        }
    }

    @Test
    void renewsATokenShortlyBeforeItExpires() {
        String href = "https://naipeuwest.blob.core.windows.net/naip/v002/mt/2023/a.tif";
        try (ScriptedServer server = tokenEndpoint()) {
            HrefSigner signer = PlanetaryComputerSigner.create(server.origin() + "/token", OPTIONS, clock);

            String first = signer.sign(href);
            clock.advance(TOKEN_LIFETIME.minus(PlanetaryComputerSigner.RENEW_BEFORE_EXPIRY).minusSeconds(1));
            String stillFirst = signer.sign(href);
            clock.advance(Duration.ofSeconds(2));
            String renewed = signer.sign(href);

            assertThat(first).endsWith("sig=t1");
            assertThat(stillFirst).isEqualTo(first);
            assertThat(renewed).endsWith("sig=t2");
            assertThat(server.received()).hasSize(2);
        }
    }

    @Test
    void leavesOtherHrefsAlone() {
        try (ScriptedServer server = tokenEndpoint()) {
            HrefSigner signer = PlanetaryComputerSigner.create(server.origin() + "/token", OPTIONS, clock);
            String signed = "https://a.blob.core.windows.net/c/x.tif?st=1&se=2&sig=3";
            String withQuery = "https://a.blob.core.windows.net/c/x.tif?versionid=7";

            assertThat(signer.sign("https://sentinel-cogs.s3.us-west-2.amazonaws.com/B04.tif"))
                    .isEqualTo("https://sentinel-cogs.s3.us-west-2.amazonaws.com/B04.tif");
            assertThat(signer.sign("s3://usgs-landsat/a.TIF")).isEqualTo("s3://usgs-landsat/a.TIF");
            assertThat(signer.sign("./relative.tif")).isEqualTo("./relative.tif");
            assertThat(signer.sign(signed)).isEqualTo(signed);
            assertThat(signer.sign(withQuery)).isEqualTo(withQuery + "&st=x&se=y&sp=rl&sr=c&sig=t1");
            assertThat(server.received()).hasSize(1);
        }
    }

    @Test
    void sendsTheSubscriptionKey() {
        try (ScriptedServer server = tokenEndpoint()) {
            HrefSigner signer = PlanetaryComputerSigner.create(server.origin() + "/token", "key-123", OPTIONS);

            signer.sign("https://a.blob.core.windows.net/c/x.tif");

            assertThat(server.received().get(0).header("Ocp-Apim-Subscription-Key")).isEqualTo("key-123");
        }
    }

    @Test
    void aRefusedTokenNamesTheTokenUrlAndTheServersMessage() {
        try (ScriptedServer server = ScriptedServer.start(r -> Reply.status(403,
                "{\"detail\": \"This container requires a subscription key\"}"))) {
            HrefSigner signer = PlanetaryComputerSigner.create(server.origin() + "/token", OPTIONS, clock);

            assertThatThrownBy(() -> signer.sign("https://goes.blob.core.windows.net/noaa-goes16/a.nc"))
                    .isInstanceOf(StacHttpException.class)
                    .hasMessage("GET " + server.origin() + "/token/goes/noaa-goes16: HTTP 403: "
                            + "This container requires a subscription key");
        }
    }

    @Test
    void travelsSerializedAndBuildsItsCacheWhereItRuns() throws Exception {
        clock.set(Instant.now()); // the signers below judge expiry by the system clock
        try (ScriptedServer server = tokenEndpoint()) {
            HrefSigner signer = PlanetaryComputerSigner.create(server.origin() + "/token", null, OPTIONS);
            signer.sign("https://a.blob.core.windows.net/c/x.tif");

            HrefSigner copy = roundTrip(signer);

            assertThat(signer.sign("https://a.blob.core.windows.net/c/y.tif")).endsWith("sig=t1"); // still valid
            assertThat(copy.sign("https://a.blob.core.windows.net/c/y.tif")).endsWith("sig=t2"); // its own cache
            assertThat(roundTrip(HrefSigner.none())).isSameAs(HrefSigner.none());
        }
    }

    private static HrefSigner roundTrip(HrefSigner signer) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(signer);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (HrefSigner) in.readObject();
        }
    }
}
