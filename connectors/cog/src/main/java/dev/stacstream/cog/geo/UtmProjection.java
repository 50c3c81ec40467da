package dev.stacstream.cog.geo;

/**
 * WGS 84 / UTM (EPSG:32601-32660 north, 32701-32760 south): the transverse Mercator projection on the WGS 84
 * ellipsoid (a = 6378137 m, f = 1/298.257223563) with scale factor k0 = 0.9996 on the central meridian
 * {@code 6 * zone - 183} degrees, false easting 500000 m and false northing 0 m (north) or 10000000 m (south).
 *
 * <p>Method: Krüger's series to sixth order in the third flattening n, as given by C. F. F. Karney, "Transverse
 * Mercator with an accuracy of a few nanometers", J. Geodesy 85(8), 475-485 (2011), doi:10.1007/s00190-011-0445-3,
 * the algorithm of GeographicLib's {@code TransverseMercator}. Forward (eqs. 7-14 and 35): the latitude becomes the
 * conformal latitude through tau = tan(phi) and tau' = tan(conformal latitude), the Gauss-Schreiber coordinates
 * (xi', eta') follow from tau' and the longitude offset, and the series with the alpha coefficients maps them to
 * the scaled transverse Mercator coordinates (xi, eta). Inverse (eqs. 15-22 and 36): the series with the beta
 * coefficients, then tau from tau' by Newton's method. Both series are summed with Clenshaw's recurrence in
 * complex arithmetic. The truncation error is a few nanometres within 3900 km of the
 * central meridian, so within UTM zones and well beyond them (tested to 10 degrees off the central meridian) the
 * result agrees with PROJ to far better than a millimetre.
 *
 * <p>Longitudes are reduced modulo 360 degrees relative to the central meridian, so points west or east of the
 * zone, across the antimeridian included, project with their true (possibly negative) offset. The projection is
 * meant for points within about 90 degrees of the central meridian (the transverse Mercator's hemisphere).
 *
 * <p>Immutable and thread-safe; {@link #project} and {@link #unproject} allocate nothing. Two instances are equal
 * when they have the same EPSG code.
 */
public final class UtmProjection implements LonLatProjection {

    private static final long serialVersionUID = 1L;

    /** The first UTM zone. */
    public static final int MIN_ZONE = 1;
    /** The last UTM zone. */
    public static final int MAX_ZONE = 60;

    /** WGS 84 semi-major axis, metres. */
    static final double SEMI_MAJOR_AXIS = 6378137.0;
    /** WGS 84 flattening. */
    static final double FLATTENING = 1 / 298.257223563;
    /** UTM's scale factor on the central meridian. */
    static final double SCALE_FACTOR = 0.9996;
    /** UTM's false easting, metres. */
    static final double FALSE_EASTING = 500000.0;
    /** UTM's false northing in the southern hemisphere, metres. */
    static final double FALSE_NORTHING_SOUTH = 10000000.0;

    private static final int ORDER = 6;
    /** First eccentricity e and 1 - e^2. */
    private static final double E = Math.sqrt(FLATTENING * (2 - FLATTENING));
    private static final double E2M = 1 - E * E;
    /** Third flattening n = f / (2 - f). */
    private static final double N = FLATTENING / (2 - FLATTENING);
    /** k0 times the rectifying radius A = a / (1 + n) * (1 + n^2/4 + n^4/64 + n^6/256) (Karney 2011). */
    private static final double K0_A;
    /** alpha_1..alpha_6 at index 0..5 (Karney 2011, eq. 35). */
    private static final double[] ALPHA = new double[ORDER];
    /** beta_1..beta_6 at index 0..5 (Karney 2011, eq. 36). */
    private static final double[] BETA = new double[ORDER];
    /** Newton's method for tau stops when the step is below this times max(1, |tau'|): sqrt(ulp(1)) / 10. */
    private static final double NEWTON_TOLERANCE = Math.sqrt(Math.ulp(1.0)) / 10;
    private static final int NEWTON_MAX_ITERATIONS = 10;

    /** All 120 projections, north zones 1-60 at 0-59 and south at 60-119: {@link #of} allocates nothing. */
    private static final UtmProjection[] INSTANCES = new UtmProjection[2 * MAX_ZONE];

    static {
        double n = N;
        double n2 = n * n;
        double n3 = n2 * n;
        double n4 = n3 * n;
        double n5 = n4 * n;
        double n6 = n5 * n;
        K0_A = SCALE_FACTOR * SEMI_MAJOR_AXIS / (1 + n) * (1 + n2 / 4 + n4 / 64 + n6 / 256);

        ALPHA[0] = n / 2 - 2 * n2 / 3 + 5 * n3 / 16 + 41 * n4 / 180 - 127 * n5 / 288 + 7891 * n6 / 37800;
        ALPHA[1] = 13 * n2 / 48 - 3 * n3 / 5 + 557 * n4 / 1440 + 281 * n5 / 630 - 1983433 * n6 / 1935360;
        ALPHA[2] = 61 * n3 / 240 - 103 * n4 / 140 + 15061 * n5 / 26880 + 167603 * n6 / 181440;
        ALPHA[3] = 49561 * n4 / 161280 - 179 * n5 / 168 + 6601661 * n6 / 7257600;
        ALPHA[4] = 34729 * n5 / 80640 - 3418889 * n6 / 1995840;
        ALPHA[5] = 212378941 * n6 / 319334400;

        BETA[0] = n / 2 - 2 * n2 / 3 + 37 * n3 / 96 - n4 / 360 - 81 * n5 / 512 + 96199 * n6 / 604800;
        BETA[1] = n2 / 48 + n3 / 15 - 437 * n4 / 1440 + 46 * n5 / 105 - 1118711 * n6 / 3870720;
        BETA[2] = 17 * n3 / 480 - 37 * n4 / 840 - 209 * n5 / 4480 + 5569 * n6 / 90720;
        BETA[3] = 4397 * n4 / 161280 - 11 * n5 / 504 - 830251 * n6 / 7257600;
        BETA[4] = 4583 * n5 / 161280 - 108847 * n6 / 3991680;
        BETA[5] = 20648693 * n6 / 638668800;

        for (int zone = MIN_ZONE; zone <= MAX_ZONE; zone++) {
            INSTANCES[zone - 1] = new UtmProjection(zone, false);
            INSTANCES[MAX_ZONE + zone - 1] = new UtmProjection(zone, true);
        }
    }

    private final int zone;
    private final boolean south;
    private final transient double centralMeridian;
    private final transient double falseNorthing;

    private UtmProjection(int zone, boolean south) {
        this.zone = zone;
        this.south = south;
        this.centralMeridian = 6.0 * zone - 183.0;
        this.falseNorthing = south ? FALSE_NORTHING_SOUTH : 0.0;
    }

    /**
     * UTM zone {@code zone} of the northern or southern hemisphere.
     *
     * @throws IllegalArgumentException when {@code zone} is not 1..60
     */
    public static UtmProjection of(int zone, boolean south) {
        if (zone < MIN_ZONE || zone > MAX_ZONE) {
            throw new IllegalArgumentException("UTM zone " + zone + " does not exist: zones are " + MIN_ZONE + "-"
                    + MAX_ZONE);
        }
        return INSTANCES[(south ? MAX_ZONE : 0) + zone - 1];
    }

    /** The zone, 1..60. */
    public int zone() {
        return zone;
    }

    /** Whether this is the southern-hemisphere variant (false northing 10000000 m). */
    public boolean south() {
        return south;
    }

    /** Longitude of the central meridian, degrees: {@code 6 * zone - 183}. */
    public double centralMeridian() {
        return centralMeridian;
    }

    @Override
    public int epsg() {
        return (south ? UTM_SOUTH_FIRST : UTM_NORTH_FIRST) + zone - 1;
    }

    @Override
    public void project(double lon, double lat, double[] out) {
        // Longitude offset from the central meridian in [-180, 180]; IEEEremainder is exact.
        double lambda = Math.toRadians(Math.IEEEremainder(lon - centralMeridian, 360.0));
        double phi = Math.toRadians(lat);
        double sinLambda = Math.sin(lambda);
        double cosLambda = Math.cos(lambda);

        // Conformal latitude as tau' = tan(chi) from tau = tan(phi).
        double tauPrime = tauPrime(Math.tan(phi));

        // Gauss-Schreiber (spherical transverse Mercator) coordinates.
        double xiPrime = Math.atan2(tauPrime, cosLambda);
        double etaPrime = asinh(sinLambda / Math.sqrt(tauPrime * tauPrime + cosLambda * cosLambda));

        // zeta = zeta' + sum alpha_j sin(2 j zeta'), zeta = xi + i eta; out holds the sum meanwhile.
        sineSeries(ALPHA, xiPrime, etaPrime, out);
        double xi = xiPrime + out[0];
        double eta = etaPrime + out[1];

        out[0] = FALSE_EASTING + K0_A * eta;
        out[1] = falseNorthing + K0_A * xi;
    }

    @Override
    public void unproject(double x, double y, double[] out) {
        double xi = (y - falseNorthing) / K0_A;
        double eta = (x - FALSE_EASTING) / K0_A;

        // zeta' = zeta - sum beta_j sin(2 j zeta); out holds the sum meanwhile.
        sineSeries(BETA, xi, eta, out);
        double xiPrime = xi - out[0];
        double etaPrime = eta - out[1];

        // Back from Gauss-Schreiber to the conformal latitude and the longitude offset.
        double sinhEta = Math.sinh(etaPrime);
        double cosXi = Math.cos(xiPrime);
        double lambda = Math.atan2(sinhEta, cosXi);
        double tauPrime = Math.sin(xiPrime) / Math.sqrt(sinhEta * sinhEta + cosXi * cosXi);
        double tau = tau(tauPrime);

        double lon = Math.IEEEremainder(centralMeridian + Math.toDegrees(lambda), 360.0);
        out[0] = lon == -180.0 ? 180.0 : lon;
        out[1] = Math.toDegrees(Math.atan(tau));
    }

    /**
     * The complex sum {@code sum_j c[j-1] sin(2 j zeta)} for zeta = xi + i eta by Clenshaw's recurrence
     * (b_k = c_k + 2 cos(theta) b_{k+1} - b_{k+2}, sum = b_1 sin(theta), theta = 2 zeta): the real part into
     * {@code out[0]}, the imaginary part into {@code out[1]}.
     */
    private static void sineSeries(double[] c, double xi, double eta, double[] out) {
        double cos2Xi = Math.cos(2 * xi);
        double sin2Xi = Math.sin(2 * xi);
        double cosh2Eta = Math.cosh(2 * eta);
        double sinh2Eta = Math.sinh(2 * eta);
        // 2 cos(theta) and sin(theta) of theta = 2 xi + 2 i eta.
        double twoCosRe = 2 * cos2Xi * cosh2Eta;
        double twoCosIm = -2 * sin2Xi * sinh2Eta;
        double sinRe = sin2Xi * cosh2Eta;
        double sinIm = cos2Xi * sinh2Eta;
        double b1Re = 0;
        double b1Im = 0;
        double b2Re = 0;
        double b2Im = 0;
        for (int k = c.length - 1; k >= 0; k--) {
            double re = c[k] + twoCosRe * b1Re - twoCosIm * b1Im - b2Re;
            double im = twoCosRe * b1Im + twoCosIm * b1Re - b2Im;
            b2Re = b1Re;
            b2Im = b1Im;
            b1Re = re;
            b1Im = im;
        }
        out[0] = b1Re * sinRe - b1Im * sinIm;
        out[1] = b1Re * sinIm + b1Im * sinRe;
    }

    /** tau' = tan(conformal latitude) of tau = tan(latitude). */
    private static double tauPrime(double tau) {
        double secPhi = Math.sqrt(1 + tau * tau);
        double sigma = Math.sinh(E * atanh(E * tau / secPhi));
        return tau * Math.sqrt(1 + sigma * sigma) - sigma * secPhi;
    }

    /** The inverse of {@link #tauPrime}, by Newton's method starting from tau' / (1 - e^2). */
    private static double tau(double tauPrime) {
        if (!Double.isFinite(tauPrime)) {
            return tauPrime;
        }
        double tau = tauPrime / E2M;
        double tolerance = NEWTON_TOLERANCE * Math.max(1.0, Math.abs(tauPrime));
        for (int i = 0; i < NEWTON_MAX_ITERATIONS; i++) {
            double tauPrimeI = tauPrime(tau);
            // d tau' / d tau = (1 - e^2) sqrt(1 + tau'^2) sqrt(1 + tau^2) / (1 + (1 - e^2) tau^2)
            double step = (tauPrime - tauPrimeI) * (1 + E2M * tau * tau)
                    / (E2M * Math.sqrt(1 + tauPrimeI * tauPrimeI) * Math.sqrt(1 + tau * tau));
            tau += step;
            if (Math.abs(step) < tolerance) {
                break;
            }
        }
        return tau;
    }

    /** asinh(x), accurate near 0 (Java 17 has no {@code Math.asinh}). */
    private static double asinh(double x) {
        double y = Math.abs(x);
        y = Math.log1p(y + y * y / (1 + Math.sqrt(1 + y * y)));
        return Math.copySign(y, x);
    }

    /** atanh(x) for |x| < 1, accurate near 0. */
    private static double atanh(double x) {
        double y = Math.abs(x);
        y = Math.log1p(2 * y / (1 - y)) / 2;
        return Math.copySign(y, x);
    }

    /** Deserialization yields the shared instance, after checking the zone. */
    private Object readResolve() {
        return of(zone, south);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UtmProjection p && p.zone == zone && p.south == south;
    }

    @Override
    public int hashCode() {
        return epsg();
    }

    @Override
    public String toString() {
        return "UtmProjection[EPSG:" + epsg() + ", WGS 84 / UTM zone " + zone + (south ? "S" : "N")
                + ", central meridian " + centralMeridian + "]";
    }
}
