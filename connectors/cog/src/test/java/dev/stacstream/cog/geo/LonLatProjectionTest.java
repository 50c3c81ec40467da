package dev.stacstream.cog.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LonLatProjectionTest {

    private static final double ROUND_TRIP_DEGREES = 1e-9;

    @Test
    void epsg4326IsTheIdentity() {
        LonLatProjection p = LonLatProjection.forEpsg(4326);
        double[] out = new double[2];
        p.project(-123.25, 47.5, out);
        assertThat(out).containsExactly(-123.25, 47.5);
        p.unproject(200.5, -91, out);
        assertThat(out).containsExactly(200.5, -91.0);
        assertThat(p.epsg()).isEqualTo(4326);
        assertThat(p).hasToString("LonLatProjection[EPSG:4326, WGS 84 longitude/latitude]");
    }

    @ParameterizedTest
    @ValueSource(ints = {32601, 32633, 32660, 32701, 32733, 32760})
    void utmCodesGiveTheirZoneAndHemisphere(int epsg) {
        LonLatProjection p = LonLatProjection.forEpsg(epsg);
        assertThat(p).isInstanceOf(UtmProjection.class);
        UtmProjection utm = (UtmProjection) p;
        assertThat(utm.epsg()).isEqualTo(epsg);
        assertThat(utm.zone()).isEqualTo(epsg % 100);
        assertThat(utm.south()).isEqualTo(epsg > 32700);
        assertThat(utm.centralMeridian()).isEqualTo(6.0 * (epsg % 100) - 183);
        assertThat(p).isEqualTo(UtmProjection.of(epsg % 100, epsg > 32700)).hasSameHashCodeAs(UtmProjection.of(
                epsg % 100, epsg > 32700));
        assertThat(p.toString()).contains("EPSG:" + epsg);
    }

    @Test
    void equalityIsByEpsg() {
        assertThat(LonLatProjection.forEpsg(32633)).isEqualTo(LonLatProjection.forEpsg(32633))
                .isNotEqualTo(LonLatProjection.forEpsg(32733)).isNotEqualTo(LonLatProjection.forEpsg(32634))
                .isNotEqualTo(LonLatProjection.forEpsg(4326));
        assertThat(UtmProjection.of(33, true)).hasToString(
                "UtmProjection[EPSG:32733, WGS 84 / UTM zone 33S, central meridian 15.0]");
    }

    @ParameterizedTest
    @ValueSource(ints = {3857, 32661, 32600, 32700, 32761, 4258, 0, -32633})
    void otherCodesAreRejectedNamingTheCodeAndWhatIsSupported(int epsg) {
        assertThatThrownBy(() -> LonLatProjection.forEpsg(epsg)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EPSG:" + epsg + " is not supported")
                .hasMessageContaining("4326").hasMessageContaining("32601-32660").hasMessageContaining("32701-32760");
    }

    @Test
    void zonesOutsideOneToSixtyAreRejected() {
        assertThatThrownBy(() -> UtmProjection.of(0, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("UTM zone 0");
        assertThatThrownBy(() -> UtmProjection.of(61, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("UTM zone 61");
    }

    @ParameterizedTest
    @ValueSource(ints = {4326, 32601, 32633, 32760})
    void serializationKeepsTheProjection(int epsg) throws IOException, ClassNotFoundException {
        LonLatProjection original = LonLatProjection.forEpsg(epsg);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(original);
        }
        LonLatProjection copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (LonLatProjection) in.readObject();
        }
        assertThat(copy).isEqualTo(original);
        assertThat(copy.epsg()).isEqualTo(epsg);
        double[] expected = new double[2];
        double[] actual = new double[2];
        original.project(13.4, -31.7, expected);
        copy.project(13.4, -31.7, actual);
        assertThat(actual).containsExactly(expected);
        original.unproject(412345.5, 6543210.25, expected);
        copy.unproject(412345.5, 6543210.25, actual);
        assertThat(actual).containsExactly(expected);
    }

    @Test
    void theCentralMeridianAtTheEquatorIsTheFalseOrigin() {
        double[] out = new double[2];
        LonLatProjection.forEpsg(32633).project(15, 0, out);
        assertThat(out).containsExactly(500000.0, 0.0);
        LonLatProjection.forEpsg(32733).project(15, 0, out);
        assertThat(out).containsExactly(500000.0, 10000000.0);
        LonLatProjection.forEpsg(32601).project(-177, 0, out);
        assertThat(out).containsExactly(500000.0, 0.0);
        LonLatProjection.forEpsg(32760).unproject(500000, 10000000, out);
        assertThat(out).containsExactly(177.0, 0.0);
    }

    @Test
    void knownValues() {
        double[] out = new double[2];
        // PROJ 9.1 (rasterio.warp.transform), rounded to 0.1 mm.
        LonLatProjection.forEpsg(32633).project(24, 84, out);
        assertThat(out[0]).isCloseTo(604608.8374, within(1e-4));
        assertThat(out[1]).isCloseTo(9336281.9912, within(1e-4));
        LonLatProjection.forEpsg(32633).project(6, -80, out);
        assertThat(out[0]).isCloseTo(326202.2859, within(1e-4));
        assertThat(out[1]).isCloseTo(-8895057.8592, within(1e-4));
        // West of zone 1 across the antimeridian: a negative offset of 4 degrees.
        LonLatProjection.forEpsg(32601).project(179, 10, out);
        assertThat(out[0]).isCloseTo(61280.7120, within(1e-4));
        assertThat(out[1]).isCloseTo(1108075.0014, within(1e-4));
        // Symmetry: mirrored offsets give mirrored eastings, mirrored latitudes mirrored northings.
        double[] mirrored = new double[2];
        LonLatProjection.forEpsg(32618).project(-75 - 2.5, 40, out);
        LonLatProjection.forEpsg(32618).project(-75 + 2.5, 40, mirrored);
        assertThat(out[0] - 500000).isCloseTo(500000 - mirrored[0], within(1e-9));
        assertThat(out[1]).isCloseTo(mirrored[1], within(1e-9));
        LonLatProjection.forEpsg(32718).project(-75 + 2.5, -40, mirrored);
        assertThat(10000000 - mirrored[1]).isCloseTo(out[1], within(1e-8));
    }

    @ParameterizedTest
    @ValueSource(ints = {32601, 32618, 32631, 32633, 32660, 32701, 32718, 32733, 32756, 32760})
    void roundTripsWithinANanodegree(int epsg) {
        LonLatProjection p = LonLatProjection.forEpsg(epsg);
        double central = 6.0 * (epsg % 100) - 183;
        double[] xy = new double[2];
        double[] back = new double[2];
        double worst = 0;
        for (double lat = -80; lat <= 84; lat += 2) {
            for (double offset = -10; offset <= 10; offset += 0.75) {
                double lon = normalize(central + offset);
                p.project(lon, lat, xy);
                p.unproject(xy[0], xy[1], back);
                worst = Math.max(worst, Math.abs(lat - back[1]));
                worst = Math.max(worst, Math.abs(normalize(lon - back[0])));
                // And the other way: metres -> degrees -> metres.
                p.unproject(xy[0], xy[1], back);
                double x = xy[0];
                double y = xy[1];
                p.project(back[0], back[1], xy);
                assertThat(xy[0]).as("x of (%s, %s) in EPSG:%s", lon, lat, epsg).isCloseTo(x, within(1e-6));
                assertThat(xy[1]).as("y of (%s, %s) in EPSG:%s", lon, lat, epsg).isCloseTo(y, within(1e-6));
            }
        }
        assertThat(worst).as("worst round-trip error in degrees, EPSG:%s", epsg).isLessThan(ROUND_TRIP_DEGREES);
    }

    @Test
    void unprojectedLongitudesAreInMinus180To180() {
        double[] xy = new double[2];
        double[] back = new double[2];
        LonLatProjection.forEpsg(32601).project(-182.5, 12, xy);
        LonLatProjection.forEpsg(32601).unproject(xy[0], xy[1], back);
        assertThat(back[0]).isCloseTo(177.5, within(1e-9));
        LonLatProjection.forEpsg(32660).project(185, -12, xy);
        LonLatProjection.forEpsg(32660).unproject(xy[0], xy[1], back);
        assertThat(back[0]).isCloseTo(-175, within(1e-9));
        assertThat(back[1]).isCloseTo(-12, within(1e-9));
    }

    @Test
    void thePolesAndNonFiniteInput() {
        double[] out = new double[2];
        LonLatProjection p = LonLatProjection.forEpsg(32633);
        p.project(40, 90, out);
        assertThat(out[0]).isCloseTo(500000, within(1e-6));
        p.unproject(out[0], out[1], out);
        assertThat(out[1]).isCloseTo(90, within(1e-9));
        p.project(Double.NaN, 10, out);
        assertThat(out[0]).isNaN();
    }

    private static double normalize(double degrees) {
        return Math.IEEEremainder(degrees, 360);
    }
}
