package dev.stacstream.cog.tiff;

import dev.stacstream.cog.error.ErrorContext;
import dev.stacstream.cog.error.MalformedTiffException;
import dev.stacstream.storage.ByteRange;
import dev.stacstream.storage.RangeReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the header and every IFD of a classic TIFF or BigTIFF, in either byte order, through a
 * {@link HeaderSource} read-ahead so that a GDAL COG costs one ranged request.
 */
public final class TiffParser {

    /** Default header read-ahead: covers the IFDs and tag arrays of GDAL COGs up to tens of thousands of tiles. */
    public static final long DEFAULT_READAHEAD_BYTES = 32 * 1024;

    private static final int CLASSIC_MAGIC = 42;
    private static final int BIGTIFF_MAGIC = 43;
    private static final int CLASSIC_HEADER_BYTES = 8;
    private static final int BIGTIFF_HEADER_BYTES = 16;
    private static final int MAX_IFDS = 100_000;
    private static final long MAX_ENTRIES = 10_000;
    private static final String GHOST_PREFIX = "GDAL_STRUCTURAL_METADATA_SIZE=";
    private static final int GHOST_SIZE_DIGITS = 6;

    private final HeaderSource source;
    private final ErrorContext context;
    private boolean bigTiff;

    private TiffParser(RangeReader reader, long readahead) {
        this.source = new HeaderSource(reader, readahead);
        this.context = ErrorContext.of(reader.uri());
    }

    public static TiffStructure parse(RangeReader reader) {
        return parse(reader, DEFAULT_READAHEAD_BYTES);
    }

    public static TiffStructure parse(RangeReader reader, long readahead) {
        return new TiffParser(reader, readahead).parse();
    }

    private TiffStructure parse() {
        ByteBuffer head = source.slice(0, CLASSIC_HEADER_BYTES, "the TIFF header");
        byte b0 = head.get(0);
        byte b1 = head.get(1);
        ByteOrder order;
        if (b0 == 'I' && b1 == 'I') {
            order = ByteOrder.LITTLE_ENDIAN;
        } else if (b0 == 'M' && b1 == 'M') {
            order = ByteOrder.BIG_ENDIAN;
        } else {
            throw new MalformedTiffException(context, String.format(
                    "not a TIFF file: it starts with bytes 0x%02x 0x%02x, not 'II' or 'MM'", b0 & 0xff, b1 & 0xff));
        }
        source.order(order);
        head = source.slice(0, CLASSIC_HEADER_BYTES, "the TIFF header");
        int magic = head.getShort(2) & 0xffff;
        long firstIfd;
        int headerBytes;
        if (magic == CLASSIC_MAGIC) {
            bigTiff = false;
            firstIfd = head.getInt(4) & 0xffffffffL;
            headerBytes = CLASSIC_HEADER_BYTES;
        } else if (magic == BIGTIFF_MAGIC) {
            bigTiff = true;
            ByteBuffer big = source.slice(0, BIGTIFF_HEADER_BYTES, "the BigTIFF header");
            int offsetSize = big.getShort(4) & 0xffff;
            if (offsetSize != Long.BYTES || big.getShort(6) != 0) {
                throw new MalformedTiffException(context, "BigTIFF header declares offset size " + offsetSize
                        + " (only 8 is valid)");
            }
            firstIfd = big.getLong(8);
            headerBytes = BIGTIFF_HEADER_BYTES;
        } else {
            throw new MalformedTiffException(context, "not a TIFF file: magic number " + magic
                    + " is neither 42 (TIFF) nor 43 (BigTIFF)");
        }
        Map<String, String> ghost = readGhost(headerBytes);
        List<Ifd> ifds = readIfdChain(firstIfd);
        return new TiffStructure(context.uri(), order, bigTiff, ifds, ghost, source.requests(), source.bytesRead(),
                source.snapshot());
    }

    private List<Ifd> readIfdChain(long firstIfd) {
        if (firstIfd == 0) {
            throw new MalformedTiffException(context, "the TIFF has no image file directory (first IFD offset is 0)");
        }
        List<Ifd> ifds = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        long next = firstIfd;
        while (next != 0) {
            if (!seen.add(next)) {
                throw new MalformedTiffException(context.withIfd(ifds.size()),
                        "IFD chain loops back to offset " + next);
            }
            if (ifds.size() >= MAX_IFDS) {
                throw new MalformedTiffException(context, "more than " + MAX_IFDS + " IFDs");
            }
            IfdRead read = readIfd(ifds.size(), next);
            ifds.add(read.ifd);
            next = read.next;
        }
        return ifds;
    }

    private record IfdRead(Ifd ifd, long next) {}

    private IfdRead readIfd(int index, long offset) {
        ErrorContext ifdContext = context.withIfd(index);
        int countBytes = bigTiff ? 8 : 2;
        int entryBytes = bigTiff ? 20 : 12;
        int pointerBytes = bigTiff ? 8 : 4;
        ByteBuffer countBuf = source.slice(offset, countBytes, "IFD " + index + " (at byte " + offset + ")");
        long entries = bigTiff ? countBuf.getLong(0) : countBuf.getShort(0) & 0xffff;
        if (entries <= 0 || entries > MAX_ENTRIES) {
            throw new MalformedTiffException(ifdContext, "IFD at byte " + offset + " declares " + entries
                    + " entries; the offset is corrupt");
        }
        long tableBytes = entries * entryBytes + pointerBytes;
        ByteBuffer table = source.slice(offset + countBytes, tableBytes, "IFD " + index + " entry table");
        Map<Integer, TiffField> fields = new LinkedHashMap<>();
        for (int i = 0; i < entries; i++) {
            int at = i * entryBytes;
            int tag = table.getShort(at) & 0xffff;
            FieldType type = FieldType.fromCode(table.getShort(at + 2) & 0xffff);
            long count = bigTiff ? table.getLong(at + 4) : table.getInt(at + 4) & 0xffffffffL;
            if (type == null || count == 0) {
                continue; // TIFF 6.0: readers skip entries of unknown type
            }
            if (count < 0 || count > Integer.MAX_VALUE / type.size()) {
                throw new MalformedTiffException(ifdContext, TiffTag.describe(tag) + " declares " + count
                        + " values; the entry is corrupt");
            }
            long valueBytes = count * type.size();
            int valueField = at + (bigTiff ? 12 : 8);
            ByteBuffer values;
            if (valueBytes <= pointerBytes) {
                values = table.duplicate().order(table.order()).position(valueField).limit(valueField + (int) valueBytes)
                        .slice().order(table.order());
            } else {
                long valueOffset = bigTiff ? table.getLong(valueField) : table.getInt(valueField) & 0xffffffffL;
                values = source.slice(valueOffset, valueBytes, "the values of " + TiffTag.describe(tag) + " in IFD " + index);
            }
            fields.put(tag, decode(tag, type, (int) count, values));
        }
        int nextAt = (int) (entries * entryBytes);
        long next = bigTiff ? table.getLong(nextAt) : table.getInt(nextAt) & 0xffffffffL;
        return new IfdRead(new Ifd(index, offset, fields), next);
    }

    private static TiffField decode(int tag, FieldType type, int count, ByteBuffer buf) {
        long[] longs = null;
        double[] doubles = null;
        byte[] bytes = null;
        switch (type) {
            case BYTE, UNDEFINED, ASCII -> {
                bytes = new byte[count];
                buf.get(0, bytes);
                longs = new long[count];
                for (int i = 0; i < count; i++) {
                    longs[i] = bytes[i] & 0xff;
                }
            }
            case SBYTE -> {
                longs = new long[count];
                for (int i = 0; i < count; i++) {
                    longs[i] = buf.get(i);
                }
            }
            case SHORT -> {
                longs = new long[count];
                for (int i = 0; i < count; i++) {
                    longs[i] = buf.getShort(2 * i) & 0xffff;
                }
            }
            case SSHORT -> {
                longs = new long[count];
                for (int i = 0; i < count; i++) {
                    longs[i] = buf.getShort(2 * i);
                }
            }
            case LONG, IFD -> {
                longs = new long[count];
                for (int i = 0; i < count; i++) {
                    longs[i] = buf.getInt(4 * i) & 0xffffffffL;
                }
            }
            case SLONG -> {
                longs = new long[count];
                for (int i = 0; i < count; i++) {
                    longs[i] = buf.getInt(4 * i);
                }
            }
            case LONG8, SLONG8, IFD8 -> {
                longs = new long[count];
                for (int i = 0; i < count; i++) {
                    longs[i] = buf.getLong(8 * i);
                }
            }
            case RATIONAL, SRATIONAL -> {
                doubles = new double[count];
                for (int i = 0; i < count; i++) {
                    long num = type == FieldType.RATIONAL ? buf.getInt(8 * i) & 0xffffffffL : buf.getInt(8 * i);
                    long den = type == FieldType.RATIONAL ? buf.getInt(8 * i + 4) & 0xffffffffL : buf.getInt(8 * i + 4);
                    doubles[i] = den == 0 ? Double.NaN : (double) num / den;
                }
            }
            case FLOAT -> {
                doubles = new double[count];
                for (int i = 0; i < count; i++) {
                    doubles[i] = buf.getFloat(4 * i);
                }
            }
            case DOUBLE -> {
                doubles = new double[count];
                for (int i = 0; i < count; i++) {
                    doubles[i] = buf.getDouble(8 * i);
                }
            }
            default -> throw new IllegalStateException("unhandled TIFF type " + type);
        }
        return new TiffField(tag, type, count, longs, doubles, bytes);
    }

    /** GDAL's COG ghost area right after the header: "GDAL_STRUCTURAL_METADATA_SIZE=000140 bytes\nKEY=VALUE\n...". */
    private Map<String, String> readGhost(int at) {
        Map<String, String> ghost = new LinkedHashMap<>();
        int prefixBytes = GHOST_PREFIX.length() + GHOST_SIZE_DIGITS;
        ByteBuffer cached = source.cached(new ByteRange(at, prefixBytes));
        if (cached == null) {
            return ghost;
        }
        byte[] prefix = new byte[prefixBytes];
        cached.get(0, prefix);
        String text = new String(prefix, StandardCharsets.US_ASCII);
        if (!text.startsWith(GHOST_PREFIX)) {
            return ghost;
        }
        int size;
        try {
            size = Integer.parseInt(text.substring(GHOST_PREFIX.length()));
        } catch (NumberFormatException e) {
            return ghost;
        }
        int lineEnd = GHOST_PREFIX.length() + GHOST_SIZE_DIGITS + " bytes\n".length();
        ByteBuffer body = source.cached(new ByteRange(at + lineEnd, size));
        if (body == null) {
            return ghost;
        }
        byte[] bytes = new byte[size];
        body.get(0, bytes);
        for (String line : new String(bytes, StandardCharsets.US_ASCII).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                ghost.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return ghost;
    }
}
