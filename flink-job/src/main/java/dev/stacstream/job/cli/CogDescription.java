package dev.stacstream.job.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stacstream.cog.CogFile;
import dev.stacstream.cog.codec.DecompressorRegistry;
import dev.stacstream.cog.geo.GeoReference;
import dev.stacstream.cog.geo.GeoTiffReader;
import dev.stacstream.cog.layout.CogLayoutReport;
import dev.stacstream.cog.layout.CogLayoutValidator;
import dev.stacstream.cog.raster.DataType;
import dev.stacstream.cog.raster.RasterLevel;
import dev.stacstream.cog.tiff.ImageLayout;
import dev.stacstream.cog.tiff.TiffStructure;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** Builds the JSON document {@code inspect} prints (field names are part of the CLI contract). */
final class CogDescription {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CogDescription() {}

    static ObjectNode describe(CogFile cog, boolean withBlocks) {
        TiffStructure s = cog.structure();
        ObjectNode root = JSON.objectNode();
        root.put("uri", cog.uri());
        root.put("byte_order", s.byteOrder() == ByteOrder.LITTLE_ENDIAN ? "little-endian" : "big-endian");
        root.put("bigtiff", s.bigTiff());
        root.put("ifd_count", s.ifds().size());
        root.put("header_requests", s.headerRequests());
        root.put("header_bytes", s.headerBytes());
        if (!s.ghostMetadata().isEmpty()) {
            ObjectNode ghost = root.putObject("gdal_structural_metadata");
            s.ghostMetadata().forEach(ghost::put);
        }
        List<ImageLayout> levels = new ArrayList<>();
        for (int i = 0; i < cog.levels().size(); i++) {
            levels.add(cog.level(i));
        }
        ArrayNode levelNodes = root.putArray("levels");
        for (int i = 0; i < levels.size(); i++) {
            RasterLevel l = levels.get(i);
            ObjectNode n = levelNodes.addObject();
            n.put("level", i);
            n.put("ifd", levels.get(i).ifdIndex());
            n.put("width", l.width());
            n.put("height", l.height());
        }
        CogLayoutReport layout = CogLayoutValidator.validate(s, cog.images(), levels);
        ObjectNode cogNode = root.putObject("cog_layout");
        cogNode.put("valid", layout.valid());
        layout.errors().forEach(cogNode.putArray("errors")::add);
        layout.warnings().forEach(cogNode.putArray("warnings")::add);
        ArrayNode ifds = root.putArray("ifds");
        for (ImageLayout image : cog.images()) {
            ifds.add(describe(image, levels, withBlocks));
        }
        return root;
    }

    private static ObjectNode describe(ImageLayout image, List<ImageLayout> levels, boolean withBlocks) {
        ObjectNode n = JSON.objectNode();
        n.put("index", image.ifdIndex());
        n.put("ifd_offset", image.ifd().offset());
        n.put("kind", image.isMask() ? "mask" : image.isOverview() ? "overview" : "image");
        int level = levels.indexOf(image);
        if (level >= 0) {
            n.put("level", level);
        }
        n.put("width", image.width());
        n.put("height", image.height());
        n.put("layout", image.isTiled() ? "tiled" : "striped");
        n.put("block_width", image.blockWidth());
        n.put("block_height", image.blockHeight());
        n.put("blocks_across", image.blocksAcross());
        n.put("blocks_down", image.blocksDown());
        n.put("block_count", image.blockCount());
        n.put("samples_per_pixel", image.bands());
        n.put("bits_per_sample", image.bitsPerSample());
        n.put("sample_format", sampleFormat(image.sampleFormat()));
        DataType type = image.dataType();
        if (type != null) {
            n.put("dtype", type.numpyName());
        }
        n.put("planar_configuration", image.isPlanar() ? "separate" : "chunky");
        n.put("photometric", image.photometric());
        ObjectNode compression = n.putObject("compression");
        compression.put("code", image.compression());
        compression.put("name", DecompressorRegistry.compressionName(image.compression()));
        n.put("predictor", image.predictor());
        OptionalDouble nodata = image.gdalMetadata().nodata();
        if (image.gdalMetadata().nodataText() != null) {
            putNumber(n, "nodata", nodata);
        }
        ArrayNode scales = JSON.arrayNode();
        ArrayNode offsets = JSON.arrayNode();
        boolean anyScale = false;
        for (int b = 0; b < image.bands(); b++) {
            OptionalDouble sc = image.gdalMetadata().scale(b);
            OptionalDouble of = image.gdalMetadata().offset(b);
            anyScale |= sc.isPresent() || of.isPresent();
            scales.add(sc.orElse(1.0));
            offsets.add(of.orElse(0.0));
        }
        if (anyScale) {
            n.set("scale", scales);
            n.set("offset", offsets);
        }
        GeoReference geo = GeoTiffReader.read(image.ifd());
        if (geo.geoTransform() != null) {
            ArrayNode gt = n.putArray("geotransform");
            for (double v : geo.geoTransform()) {
                gt.add(v);
            }
        }
        if (geo.epsg() > 0) {
            n.put("epsg", geo.epsg());
        }
        image.unsupportedReason().ifPresent(r -> n.put("unsupported", r));
        int sparse = 0;
        for (int i = 0; i < image.blockCount(); i++) {
            if (image.blockOffset(i) == 0 || image.blockByteCount(i) == 0) {
                sparse++;
            }
        }
        n.put("sparse_blocks", sparse);
        if (withBlocks) {
            ArrayNode blocks = n.putArray("blocks");
            for (int i = 0; i < image.blockCount(); i++) {
                ArrayNode b = blocks.addArray();
                b.add(image.blockOffset(i));
                b.add(image.blockByteCount(i));
            }
        }
        return n;
    }

    private static void putNumber(ObjectNode n, String field, OptionalDouble v) {
        if (v.isEmpty()) {
            n.putNull(field);
        } else if (Double.isNaN(v.getAsDouble()) || Double.isInfinite(v.getAsDouble())) {
            n.put(field, Double.toString(v.getAsDouble()));
        } else {
            n.put(field, v.getAsDouble());
        }
    }

    private static String sampleFormat(int code) {
        return switch (code) {
            case DataType.SAMPLE_FORMAT_UINT -> "uint";
            case DataType.SAMPLE_FORMAT_INT -> "int";
            case DataType.SAMPLE_FORMAT_IEEEFP -> "float";
            case DataType.SAMPLE_FORMAT_VOID -> "void";
            default -> "unknown(" + code + ")";
        };
    }
}
