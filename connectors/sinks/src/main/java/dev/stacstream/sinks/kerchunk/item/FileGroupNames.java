package dev.stacstream.sinks.kerchunk.item;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Group names for COG files referenced by URI (spec §3): the file name without its extension ({@code .../B04.tif}
 * → {@code B04}), characters zarr paths cannot hold replaced by {@code _}, and a repeated name suffixed {@code _2},
 * {@code _3}, ... in argument order.
 */
public final class FileGroupNames {

    private static final String FALLBACK = "file";

    private FileGroupNames() {}

    public static List<String> assign(List<String> uris) {
        List<String> names = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (String uri : uris) {
            String base = stem(uri);
            String name = base;
            for (int n = 2; !used.add(name.toLowerCase(Locale.ROOT)); n++) {
                name = base + "_" + n;
            }
            names.add(name);
        }
        return names;
    }

    private static String stem(String uri) {
        String path = uri;
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        path = path.replace('\\', '/');
        String file = path.substring(path.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        String stem = dot > 0 ? file.substring(0, dot) : file;
        stem = stem.replaceAll("[\\p{Cntrl}/\\\\]", "_");
        while (stem.startsWith(".")) {
            stem = stem.substring(1);
        }
        return stem.isEmpty() ? FALLBACK : stem;
    }
}
