package dev.stacstream.sinks.kerchunk.item;

import dev.stacstream.cog.geo.GeoReference;

/** An overview's geotransform from level 0's, exactly as {@link GeoReference#scaledTo} derives it. */
final class GeoReferenceScaling {

    private GeoReferenceScaling() {}

    static double[] scale(double[] geoTransform, int fullWidth, int fullHeight, int width, int height) {
        return new GeoReference(geoTransform, 0, false, 0).scaledTo(fullWidth, fullHeight, width, height)
                .geoTransform();
    }
}
