package dev.stacstream.job.features;

/** An input feature file (points, polygons) that cannot be used, with a message naming the file and the problem. */
public final class FeatureFileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String kind;

    /**
     * @param kind what the file holds, e.g. {@code points}
     * @param source the file's name or URI
     * @param problem what is wrong, as the rest of a sentence about the file ("has no features")
     */
    public FeatureFileException(String kind, String source, String problem) {
        super(kind + " file " + source + " " + problem);
        this.kind = kind;
    }

    /** What the file holds ({@code points}, {@code polygons}): its pipeline key is {@code extract.<kind>}. */
    public String kind() {
        return kind;
    }
}
