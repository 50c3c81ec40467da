package dev.stacstream.cog.tiff;

import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;

/**
 * The parsed structure of a TIFF: byte order, classic or BigTIFF, every IFD in chain order, and GDAL's
 * COG "ghost" structural metadata when present.
 *
 * @param headerRequests read requests the header parse issued (1 for a GDAL-written COG)
 * @param headerBytes bytes those requests returned
 * @param headerCache the bytes those requests returned, so that blocks inside them need no further read
 */
public record TiffStructure(
        String uri,
        ByteOrder byteOrder,
        boolean bigTiff,
        List<Ifd> ifds,
        Map<String, String> ghostMetadata,
        int headerRequests,
        long headerBytes,
        HeaderCache headerCache) {

    public TiffStructure {
        ifds = List.copyOf(ifds);
        ghostMetadata = Map.copyOf(ghostMetadata);
    }
}
