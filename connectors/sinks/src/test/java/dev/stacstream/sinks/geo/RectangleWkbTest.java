package dev.stacstream.sinks.geo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.sinks.testing.DuckDb;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RectangleWkbTest {

    @Test
    void encodesALittleEndianPolygonByteForByte() {
        // Hand-assembled: NDR marker, type 3 (Polygon), 1 ring, 5 points, then (x, y) float64 LE:
        // 1.0 = 3FF0000000000000, 2.0 = 4000000000000000, 3.0 = 4008000000000000, 4.0 = 4010000000000000.
        String expected = "01" + "03000000" + "01000000" + "05000000"
                + "000000000000F03F" + "0000000000000040"   // (1 2)
                + "0000000000000840" + "0000000000000040"   // (3 2)
                + "0000000000000840" + "0000000000001040"   // (3 4)
                + "000000000000F03F" + "0000000000001040"   // (1 4)
                + "000000000000F03F" + "0000000000000040";  // (1 2)

        assertThat(RectangleWkb.encode(1, 2, 3, 4)).isEqualTo(HexFormat.of().parseHex(expected));
    }

    @Test
    void aUtmCellDecodesToItsCornersCounterclockwise() {
        double minX = 499_980, minY = 4_199_940.25, maxX = 500_040.5, maxY = 4_200_000;

        ByteBuffer wkb = ByteBuffer.wrap(RectangleWkb.encode(minX, minY, maxX, maxY)).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(wkb.remaining()).isEqualTo(RectangleWkb.LENGTH_BYTES).isEqualTo(93);
        assertThat(wkb.get()).isEqualTo(RectangleWkb.LITTLE_ENDIAN);
        assertThat(wkb.getInt()).isEqualTo(RectangleWkb.POLYGON);
        assertThat(wkb.getInt()).as("rings").isEqualTo(1);
        assertThat(wkb.getInt()).as("points").isEqualTo(5);
        double[][] ring = new double[5][];
        for (int i = 0; i < ring.length; i++) {
            ring[i] = new double[] {wkb.getDouble(), wkb.getDouble()};
        }
        assertThat(ring).isDeepEqualTo(new double[][] {
            {minX, minY}, {maxX, minY}, {maxX, maxY}, {minX, maxY}, {minX, minY}});
        assertThat(signedArea(ring)).as("shoelace area, positive when counterclockwise")
                .isEqualTo((maxX - minX) * (maxY - minY));
    }

    @Test
    void polygonsPackedIntoOneArrayHaveTheBytesOfNewArraysAndLeaveTheRestAlone() {
        int length = RectangleWkb.LENGTH_BYTES;
        byte[] packed = new byte[1 + 2 * length + 1];
        Arrays.fill(packed, (byte) 0x55);

        RectangleWkb.encode(packed, 1, 1, 2, 3, 4);
        RectangleWkb.encode(packed, 1 + length, 499_980, 4_199_940.25, 500_040.5, 4_200_000);

        assertThat(Arrays.copyOfRange(packed, 1, 1 + length)).isEqualTo(RectangleWkb.encode(1, 2, 3, 4));
        assertThat(Arrays.copyOfRange(packed, 1 + length, 1 + 2 * length))
                .isEqualTo(RectangleWkb.encode(499_980, 4_199_940.25, 500_040.5, 4_200_000));
        assertThat(new byte[] {packed[0], packed[packed.length - 1]}).containsOnly((byte) 0x55);
    }

    @Test
    void duckDbParsesTheWkbAsThePolygon() throws Exception {
        try (DuckDb db = new DuckDb()) {
            Object wkt = db.scalar("SELECT ST_AsText(ST_GeomFromWKB(?::BLOB))", RectangleWkb.encode(10, 20, 70, 80));

            assertThat(wkt).isEqualTo("POLYGON ((10 20, 70 20, 70 80, 10 80, 10 20))");
        }
    }

    private static double signedArea(double[][] ring) {
        double twice = 0;
        for (int i = 0; i + 1 < ring.length; i++) {
            twice += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
        }
        return twice / 2;
    }
}
