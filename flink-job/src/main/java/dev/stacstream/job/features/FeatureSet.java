package dev.stacstream.job.features;

import dev.stacstream.sinks.row.FeatureAttribute;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What every set of input features keeps from its file: where it came from, each feature's id, and the attribute
 * columns with their values. Subclasses add the geometry. Immutable and {@link Serializable}: the plan, decode and
 * sink operators each get a copy with the job graph.
 */
public abstract class FeatureSet implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String[] ids;
    private final List<FeatureAttribute> attributes;
    /** Per attribute, per feature: String, Long, Double, Boolean or null. */
    private final Object[][] values;

    protected FeatureSet(FeatureFile file) {
        this.source = file.source();
        this.ids = file.ids();
        this.attributes = file.attributes();
        this.values = file.values();
    }

    /** The file or URI the features came from. */
    public final String source() {
        return source;
    }

    public final int size() {
        return ids.length;
    }

    public final String id(int feature) {
        return ids[feature];
    }

    /** The properties carried into the output, in order of first appearance in the file. */
    public final List<FeatureAttribute> attributes() {
        return attributes;
    }

    /** Every feature's attribute values by id, in {@link #attributes()} order, for the output tables. */
    public final Map<String, Object[]> valuesById() {
        return FeatureFile.rowsById(ids, values);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{" + source + ", " + ids.length + " features, " + attributes.size()
                + " attributes}";
    }
}
