package dev.stacstream.stac.client;

/**
 * A STAC API answered with an error status. The message carries the method, URL, status, the server's own
 * explanation (from its JSON error body, {@code code}/{@code description} as STAC APIs send them, or the start of a
 * non-JSON body) and how many attempts were made, e.g.
 * {@code GET https://host/v1/collections/foo: HTTP 404: NotFound: Not Found}.
 *
 * <p>Retryable for 408, 429 and 5xx (which the client already retried, so reaching here means they persisted).
 */
public final class StacHttpException extends StacException {

    private static final long serialVersionUID = 1L;

    private final String method;
    private final int status;
    private final String serverMessage;
    private final int attempts;

    public StacHttpException(String method, String url, int status, String serverMessage, int attempts) {
        super(method + " " + url, detail(status, serverMessage, attempts), isRetryableStatus(status), null);
        this.method = method;
        this.status = status;
        this.serverMessage = serverMessage;
        this.attempts = attempts;
    }

    /** Whether a response with this status is worth another attempt: 408, 429 and 5xx. */
    public static boolean isRetryableStatus(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    public String method() {
        return method;
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** What the server said about the error (may be empty). */
    public String serverMessage() {
        return serverMessage;
    }

    /** Attempts made, including the first. */
    public int attempts() {
        return attempts;
    }

    private static String detail(int status, String serverMessage, int attempts) {
        StringBuilder detail = new StringBuilder("HTTP ").append(status);
        if (serverMessage != null && !serverMessage.isBlank()) {
            detail.append(": ").append(serverMessage);
        }
        if (attempts > 1) {
            detail.append(" (after ").append(attempts).append(" attempts)");
        }
        return detail.toString();
    }
}
