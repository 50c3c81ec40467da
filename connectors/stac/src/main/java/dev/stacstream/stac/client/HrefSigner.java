package dev.stacstream.stac.client;

import java.io.Serializable;

/**
 * Turns an asset href into the URL to read right now, e.g. by appending a short-lived access token. Readers call it
 * just before each read, never at discovery time, because tokens expire (Planetary Computer's SAS tokens live about
 * 45 minutes, while a streaming job may read an item hours after discovering it).
 *
 * <p>Serializable configuration travelling inside Flink operators; implementations create their clients lazily
 * and must be thread-safe, as I/O threads sign concurrently.
 */
@FunctionalInterface
public interface HrefSigner extends Serializable {

    /** The href to read; {@code href} itself when it needs no signature. */
    String sign(String href);

    /** Reads hrefs as they are. */
    static HrefSigner none() {
        return Unsigned.INSTANCE;
    }

    /** The identity signer, a singleton so it stays one after deserialization. */
    enum Unsigned implements HrefSigner {
        INSTANCE;

        @Override
        public String sign(String href) {
            return href;
        }
    }
}
