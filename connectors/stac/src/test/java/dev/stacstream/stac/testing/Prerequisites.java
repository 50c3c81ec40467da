package dev.stacstream.stac.testing;

import java.util.Locale;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test does when something it needs from outside the repository (the shared corpus) is missing: on CI
 * (environment variable {@code CI=true}) it fails, because a silently skipped conformance suite proves nothing;
 * on a user's clone it is skipped with a message that says what is missing and where it was looked for.
 */
public final class Prerequisites {

    /** The environment variable CI systems set to {@code true}. */
    public static final String CI_VARIABLE = "CI";

    private Prerequisites() {}

    /** Whether this JVM runs on CI. */
    public static boolean onCi() {
        String value = System.getenv(CI_VARIABLE);
        return value != null && value.trim().toLowerCase(Locale.ROOT).equals("true");
    }

    /** Passes when {@code present}; otherwise fails (on CI) or aborts the test as skipped (elsewhere). */
    public static void require(boolean present, String missing) {
        if (present) {
            return;
        }
        if (onCi()) {
            Assertions.fail(missing + " (" + CI_VARIABLE + "=true: required on CI)");
        }
        Assumptions.abort(missing);
    }
}
