package dev.stacstream.stac.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One entry of {@code eo:bands} (electro-optical extension): the band's {@code name} (e.g. {@code B04},
 * {@code OLI_B4}) and {@code common_name} (e.g. {@code red}), and its wavelengths in micrometres.
 */
public record EoBand(
        Optional<String> name,
        Optional<String> commonName,
        Optional<String> description,
        OptionalDouble centerWavelengthMicrometres,
        OptionalDouble fullWidthHalfMaxMicrometres) {

    static EoBand fromNode(JsonNode node, String path, JsonFields fields) {
        if (!node.isObject()) {
            throw fields.error(path, "must be an object, found " + StacJson.kind(node));
        }
        return new EoBand(
                fields.text(node, "name", path + ".name"),
                fields.text(node, "common_name", path + ".common_name"),
                fields.text(node, "description", path + ".description"),
                fields.number(node, "center_wavelength", path + ".center_wavelength"),
                fields.number(node, "full_width_half_max", path + ".full_width_half_max"));
    }

    /** Whether {@code nameOrCommonName} equals this band's name or common name, ignoring case. */
    public boolean matches(String nameOrCommonName) {
        String wanted = nameOrCommonName.toLowerCase(Locale.ROOT);
        return name.map(n -> n.toLowerCase(Locale.ROOT).equals(wanted)).orElse(false)
                || commonName.map(n -> n.toLowerCase(Locale.ROOT).equals(wanted)).orElse(false);
    }
}
