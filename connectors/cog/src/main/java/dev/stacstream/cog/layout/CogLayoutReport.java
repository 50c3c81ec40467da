package dev.stacstream.cog.layout;

import java.util.List;

/**
 * Whether a TIFF follows the Cloud-Optimized GeoTIFF layout. {@code errors} break the "one header request,
 * then only the tiles you need" access pattern; {@code warnings} make it slower but still work.
 */
public record CogLayoutReport(List<String> errors, List<String> warnings) {

    public CogLayoutReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean valid() {
        return errors.isEmpty();
    }
}
