package dev.stacstream.stac.catalog;

import dev.stacstream.stac.client.DatetimeInterval;
import dev.stacstream.stac.client.SearchRequest;
import dev.stacstream.stac.model.StacItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The search parameters a static catalog can evaluate on the client, with STAC API semantics: {@code collections}
 * and {@code ids} by equality, {@code bbox} by intersection with the item's bbox (either may cross the
 * antimeridian, written west &gt; east), {@code datetime} by overlap with the item's {@code datetime} or its
 * {@code start_datetime}/{@code end_datetime} range. Immutable.
 */
final class LocalFilter {

    private final Set<String> collections;
    private final Set<String> ids;
    private final List<double[]> boxes;
    private final DatetimeInterval datetime;

    LocalFilter(SearchRequest request) {
        this.collections = Set.copyOf(request.collections());
        this.ids = Set.copyOf(request.ids());
        this.boxes = request.bbox().isEmpty() ? List.of() : split(request.bbox());
        this.datetime = request.datetime().orElse(null);
    }

    /** Whether items of collection {@code id} can match at all (lets the walker skip a collection's items). */
    boolean admitsCollection(String id) {
        return collections.isEmpty() || collections.contains(id);
    }

    /**
     * Whether {@code item} matches.
     *
     * @param enclosingCollection the id of the collection the item was found in, used when the item does not name
     *     its collection itself (or {@code null})
     */
    boolean matches(StacItem item, String enclosingCollection) {
        if (!collections.isEmpty()) {
            String collection = item.collection() != null ? item.collection() : enclosingCollection;
            if (collection == null || !collections.contains(collection)) {
                return false;
            }
        }
        if (!ids.isEmpty() && !ids.contains(item.id())) {
            return false;
        }
        if (datetime != null) {
            Instant from = item.startDatetime().orElse(item.datetime());
            Instant to = item.endDatetime().orElse(item.datetime());
            if (!datetime.overlaps(from, to)) {
                return false;
            }
        }
        return boxes.isEmpty() || intersects(item);
    }

    private boolean intersects(StacItem item) {
        Optional<List<Double>> itemBox = item.bbox().isEmpty()
                ? item.geometry().flatMap(GeoJsonBounds::of)
                : Optional.of(item.bbox());
        if (itemBox.isEmpty()) {
            return false;
        }
        for (double[] a : split(itemBox.get())) {
            for (double[] b : boxes) {
                if (a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A 2D or 3D bbox as one or two {@code [w, s, e, n]} boxes, splitting at the antimeridian when west &gt; east. */
    private static List<double[]> split(List<Double> bbox) {
        int half = bbox.size() / 2;
        double west = bbox.get(0);
        double south = bbox.get(1);
        double east = bbox.get(half);
        double north = bbox.get(half + 1);
        List<double[]> boxes = new ArrayList<>(2);
        if (west <= east) {
            boxes.add(new double[] {west, south, east, north});
        } else {
            boxes.add(new double[] {west, south, 180, north});
            boxes.add(new double[] {-180, south, east, north});
        }
        return boxes;
    }
}
