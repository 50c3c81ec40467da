package dev.stacstream.cog.tiff;

/** TIFF field types (TIFF 6.0 section 2 plus the BigTIFF 64-bit types) and their sizes in bytes. */
public enum FieldType {
    BYTE(1, 1), ASCII(2, 1), SHORT(3, 2), LONG(4, 4), RATIONAL(5, 8),
    SBYTE(6, 1), UNDEFINED(7, 1), SSHORT(8, 2), SLONG(9, 4), SRATIONAL(10, 8),
    FLOAT(11, 4), DOUBLE(12, 8), IFD(13, 4), LONG8(16, 8), SLONG8(17, 8), IFD8(18, 8);

    private static final FieldType[] BY_CODE = new FieldType[19];

    static {
        for (FieldType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;
    private final int size;

    FieldType(int code, int size) {
        this.code = code;
        this.size = size;
    }

    public int code() {
        return code;
    }

    /** Bytes of one value. */
    public int size() {
        return size;
    }

    /** The type for a TIFF type code, or {@code null} if unknown (TIFF readers skip such entries). */
    public static FieldType fromCode(int code) {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    public boolean isInteger() {
        return switch (this) {
            case BYTE, SHORT, LONG, SBYTE, UNDEFINED, SSHORT, SLONG, IFD, LONG8, SLONG8, IFD8 -> true;
            default -> false;
        };
    }
}
