package dev.stacstream.sinks.kerchunk.item;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The {@code stacstream} root attribute that names a manifest's kind and format version (spec §0). */
public final class ManifestVersion {

    /** The manifest format version this library writes ({@code docs/manifest-spec.md}). */
    public static final int CURRENT = 1;
    /** Root attribute holding {@code {"manifest": kind, "version": n}}. */
    public static final String ATTRIBUTE = "stacstream";

    private ManifestVersion() {}

    /** Adds the version attribute for {@code kind} to root attributes {@code attrs}. */
    public static ObjectNode stamp(ObjectNode attrs, ManifestKind kind) {
        attrs.putObject(ATTRIBUTE).put("manifest", kind.attributeValue()).put("version", CURRENT);
        return attrs;
    }
}
