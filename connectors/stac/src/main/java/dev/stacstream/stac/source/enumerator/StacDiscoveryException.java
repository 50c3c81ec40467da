package dev.stacstream.stac.source.enumerator;

/**
 * Discovery failed more often in a row than the source tolerates
 * ({@code source.stac.discovery.max-consecutive-failures}); thrown on the coordinator thread, it fails the job.
 * The message names the item search (API URL or catalog URI) and the last cause.
 */
public class StacDiscoveryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StacDiscoveryException(String message, Throwable lastCause) {
        super(message, lastCause);
    }
}
