package dev.stacstream.sinks.kerchunk.item;

import dev.stacstream.cog.CogFile;
import dev.stacstream.cog.geo.GeoReference;
import dev.stacstream.cog.tiff.ImageLayout;
import dev.stacstream.sinks.kerchunk.tiff.LevelLayout;
import dev.stacstream.stac.model.Asset;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One COG to reference, as the pipeline already knows it after reading the header: the name of its group (the
 * asset key, or a file's name), the URL the references point to, its levels (full resolution first, then the
 * overviews), where it lies, and how to read its values. Building one reads nothing.
 *
 * @param geoTransform level 0's GDAL geotransform, or {@code null} when not georeferenced
 * @param epsg EPSG code of the CRS, or 0 when unknown or user-defined
 */
public record AssetSource(String name, String href, List<LevelLayout> levels, double[] geoTransform, int epsg,
        BandValues values) implements Serializable {

    private static final long serialVersionUID = 1L;

    public AssetSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(href, "href");
        Objects.requireNonNull(values, "values");
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("asset " + name + " (" + href + ") has no levels");
        }
        geoTransform = geoTransform == null ? null : geoTransform.clone();
    }

    /**
     * From parsed images: {@code levels} as {@link CogFile#level(int)} orders them, {@code geo} of level 0; nodata,
     * scale and offset from the TIFF's GDAL tags (override with {@link #withValues}).
     */
    public static AssetSource of(String name, String href, List<ImageLayout> levels, GeoReference geo) {
        List<LevelLayout> layouts = new ArrayList<>();
        levels.forEach(l -> layouts.add(LevelLayout.of(l)));
        ImageLayout full = levels.get(0);
        return new AssetSource(name, href, layouts, geo.geoTransform(), geo.epsg(),
                BandValues.fromTiff(full.gdalMetadata(), full.bands()));
    }

    /** Every level of an opened COG; the references point to {@code href}. */
    public static AssetSource of(String name, String href, CogFile cog) {
        List<ImageLayout> levels = new ArrayList<>();
        for (int i = 0; i < cog.levels().size(); i++) {
            levels.add(cog.level(i));
        }
        return of(name, href, levels, cog.geoReference());
    }

    /**
     * A STAC asset read through {@code cog}: named by its key, referenced at its resolved href, with the item's
     * {@code raster:bands} nodata, scale and offset over the TIFF's own.
     */
    public static AssetSource of(Asset asset, CogFile cog) {
        AssetSource source = of(asset.key(), asset.resolvedHref(), cog);
        return source.withValues(source.values().withStacBands(asset.rasterBands()));
    }

    /** This asset with other nodata/scale/offset (e.g. {@code values().withStacBands(asset.rasterBands())}). */
    public AssetSource withValues(BandValues newValues) {
        return new AssetSource(name, href, levels, geoTransform, epsg, newValues);
    }

    /** The GDAL geotransform of {@code level} (pixel sizes scaled as overviews are), or {@code null}. */
    public double[] geoTransform(int level) {
        if (geoTransform == null) {
            return null;
        }
        LevelLayout full = levels.get(0);
        LevelLayout l = levels.get(level);
        return GeoReferenceScaling.scale(geoTransform, full.width(), full.height(), l.width(), l.height());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AssetSource a && name.equals(a.name) && href.equals(a.href) && levels.equals(a.levels)
                && Arrays.equals(geoTransform, a.geoTransform) && epsg == a.epsg && values.equals(a.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, href, levels, Arrays.hashCode(geoTransform), epsg, values);
    }

    @Override
    public String toString() {
        return "AssetSource[" + name + " -> " + href + ", " + levels.size() + " level(s)]";
    }
}
