package dev.stacstream.stac.model;

import java.util.Locale;
import java.util.Optional;

/** The pixel types of the raster extension's {@code data_type} (same names as GDAL's, in lower case). */
public enum RasterDataType {
    INT8, INT16, INT32, INT64,
    UINT8, UINT16, UINT32, UINT64,
    FLOAT16, FLOAT32, FLOAT64,
    CINT16, CINT32, CFLOAT32, CFLOAT64,
    OTHER;

    /** The type named {@code name} ({@code "uint16"}), or empty for a name the extension does not define. */
    public static Optional<RasterDataType> fromName(String name) {
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** The name as the extension writes it ({@code "uint16"}). */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
