package dev.stacstream.sinks.bucket;

/**
 * Hive-style partition folder names, {@code key=value}, with the value escaped as Hive does it
 * ({@code FileUtils.escapePathName}): the characters that would break a path or the {@code key=value} syntax
 * ({@code " # % ' * / : = ? \ { [ ] ^}, DEL and control characters) become {@code %XX} (upper-case hex of the
 * character), which Hive and Spark turn back into the value when they read the folder name. STAC ids rarely
 * contain any of them.
 */
public final class HivePartition {

    private static final String ESCAPED = "\"#%'*/:=?\\{[]^";
    private static final char FIRST_PRINTABLE = ' ';
    private static final char DELETE = 0x7f;

    private HivePartition() {}

    /** The folder name {@code key=escaped(value)}. */
    public static String segment(String key, String value) {
        return key + '=' + escape(value);
    }

    /** {@code value} with every character Hive escapes replaced by {@code %XX}. */
    public static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < FIRST_PRINTABLE || c == DELETE || ESCAPED.indexOf(c) >= 0) {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
