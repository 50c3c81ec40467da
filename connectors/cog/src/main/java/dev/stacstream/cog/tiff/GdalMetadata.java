package dev.stacstream.cog.tiff;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GDAL's private TIFF tags: GDAL_NODATA (42113, ASCII) and GDAL_METADATA (42112, XML of
 * {@code <Item name=".." sample=".." role="..">value</Item>}), from which the per-band scale and offset
 * come.
 */
public final class GdalMetadata {

    private static final Pattern ITEM = Pattern.compile("<Item\\s+([^>]*?)>(.*?)</Item>", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)\\s*=\\s*\"([^\"]*)\"");
    private static final String DATASET = "";

    private final String nodataText;
    /** Items by sample ("" for dataset-level items), then by name. */
    private final Map<String, Map<String, String>> items;

    private GdalMetadata(String nodataText, Map<String, Map<String, String>> items) {
        this.nodataText = nodataText;
        this.items = items;
    }

    static GdalMetadata from(Ifd ifd) {
        String nodata = ifd.field(TiffTag.GDAL_NODATA).map(TiffField::asciiValue).map(String::trim).orElse(null);
        Map<String, Map<String, String>> items = new LinkedHashMap<>();
        ifd.field(TiffTag.GDAL_METADATA).map(TiffField::asciiValue).ifPresent(xml -> parseItems(xml, items));
        return new GdalMetadata(nodata, items);
    }

    private static void parseItems(String xml, Map<String, Map<String, String>> items) {
        Matcher m = ITEM.matcher(xml);
        while (m.find()) {
            Map<String, String> attrs = new LinkedHashMap<>();
            Matcher a = ATTRIBUTE.matcher(m.group(1));
            while (a.find()) {
                attrs.put(a.group(1), a.group(2));
            }
            String name = attrs.get("name");
            if (name == null) {
                continue;
            }
            String sample = attrs.getOrDefault("sample", DATASET);
            String role = attrs.get("role");
            String key = role != null ? role : name;
            items.computeIfAbsent(sample, s -> new LinkedHashMap<>()).put(key, unescape(m.group(2).trim()));
        }
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }

    /** The GDAL_NODATA text as stored (e.g. "0", "-9999", "nan"), or {@code null}. */
    public String nodataText() {
        return nodataText;
    }

    /** The nodata value parsed as GDAL does ("nan", "inf", "-inf" and decimal numbers). */
    public OptionalDouble nodata() {
        if (nodataText == null || nodataText.isEmpty()) {
            return OptionalDouble.empty();
        }
        String t = nodataText.toLowerCase(java.util.Locale.ROOT);
        if (t.equals("nan") || t.equals("-nan")) {
            return OptionalDouble.of(Double.NaN);
        }
        if (t.equals("inf") || t.equals("+inf") || t.equals("infinity")) {
            return OptionalDouble.of(Double.POSITIVE_INFINITY);
        }
        if (t.equals("-inf") || t.equals("-infinity")) {
            return OptionalDouble.of(Double.NEGATIVE_INFINITY);
        }
        try {
            return OptionalDouble.of(Double.parseDouble(nodataText));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** Scale of band {@code band} (0-based) from GDAL_METADATA, if stated. */
    public OptionalDouble scale(int band) {
        return number(band, "scale");
    }

    /** Offset of band {@code band} (0-based) from GDAL_METADATA, if stated. */
    public OptionalDouble offset(int band) {
        return number(band, "offset");
    }

    /** Dataset-level metadata items (no sample attribute), by name or role. */
    public Map<String, String> datasetItems() {
        return Collections.unmodifiableMap(items.getOrDefault(DATASET, Map.of()));
    }

    private OptionalDouble number(int band, String role) {
        String v = items.getOrDefault(Integer.toString(band), Map.of()).get(role);
        if (v == null) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(v));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
