package dev.stacstream.sinks.kerchunk.zarr;

import java.util.Optional;

/** Which names may be zarr group or array names in a manifest (one path component each). */
public final class GroupNames {

    private GroupNames() {}

    /** Why {@code name} cannot name a group or array, or empty when it can. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("an empty name cannot name a zarr group");
        }
        if (name.contains("/") || name.contains("\\")) {
            return Optional.of("name '" + name + "' contains a path separator");
        }
        if (name.startsWith(".")) {
            return Optional.of("name '" + name + "' starts with '.', which zarr reserves for metadata keys");
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                return Optional.of("name '" + name.replaceAll("\\p{Cntrl}", "?") + "' contains a control character");
            }
        }
        return Optional.empty();
    }

    /** {@code name}, or an {@link IllegalArgumentException} with the problem. */
    public static String require(String name) {
        problem(name).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        return name;
    }
}
