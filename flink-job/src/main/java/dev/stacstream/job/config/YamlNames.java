package dev.stacstream.job.config;

import java.util.Locale;
import java.util.Optional;

/**
 * How the choices of a pipeline file name the enum constants behind them: the constant's name in lower case
 * ({@code MONTH} is {@code month}), looked up case-sensitively.
 */
final class YamlNames {

    private YamlNames() {}

    /** The name of {@code constant} in a pipeline file. */
    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** The constant of {@code type} named {@code name} in a pipeline file. */
    static <E extends Enum<E>> Optional<E> lookup(Class<E> type, String name) {
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equals(name)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
