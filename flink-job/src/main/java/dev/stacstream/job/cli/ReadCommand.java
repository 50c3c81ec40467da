package dev.stacstream.job.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stacstream.cog.CogFile;
import dev.stacstream.cog.geo.GeoReference;
import dev.stacstream.cog.plan.PixelWindow;
import dev.stacstream.cog.raster.Raster;
import dev.stacstream.cog.tiff.ImageLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code stacstream read URI [--level N] [--window COL,ROW,W,H] --out FILE}: decodes pixels to a raw
 * little-endian band-sequential file plus {@code FILE.json} with dtype, shape [bands, rows, cols] and nodata.
 */
@Command(name = "read", mixinStandardHelpOptions = true,
        description = "Decode pixels to a raw little-endian, band-sequential file plus FILE.json "
                + "(dtype, shape [bands, rows, cols], nodata). Open with numpy.fromfile(FILE, dtype).reshape(shape).")
final class ReadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URI", description = "A local path, file://, http(s):// or s3:// URI.")
    String uri;

    @Option(names = "--level", paramLabel = "N", description = "0 is full resolution, 1.. the overviews in order (default 0).")
    int level;

    @Option(names = "--window", paramLabel = "COL,ROW,W,H", description = "Pixel window of the level (default: all of it).")
    String window;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Raw output file; FILE.json is written beside it.")
    Path out;

    @Override
    public Integer call() throws IOException {
        PixelWindow win = parseWindow();
        try (CogFile cog = CogFile.open(uri)) {
            ImageLayout image = cog.level(level);
            PixelWindow w = win != null ? win : PixelWindow.full(image.width(), image.height());
            Raster raster = cog.read(level, w);
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(out, raster.data());
            Path sidecar = out.resolveSibling(out.getFileName() + ".json");
            Files.writeString(sidecar, sidecar(cog, raster, w));
            spec.commandLine().getOut().printf("wrote %s (%s, %d x %d x %d) and %s%n", out,
                    raster.dataType().numpyName(), raster.bands(), raster.height(), raster.width(), sidecar.getFileName());
        }
        return 0;
    }

    private PixelWindow parseWindow() {
        if (window == null) {
            return null;
        }
        try {
            return PixelWindow.parse(window);
        } catch (IllegalArgumentException e) {
            throw new CliInputException("--window: " + e.getMessage(), e);
        }
    }

    private String sidecar(CogFile cog, Raster raster, PixelWindow w) throws IOException {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode n = json.objectNode();
        n.put("uri", cog.uri());
        n.put("dtype", raster.dataType().numpyName());
        n.put("byte_order", "little");
        ArrayNode shape = n.putArray("shape");
        shape.add(raster.bands()).add(raster.height()).add(raster.width());
        OptionalDouble nodata = cog.nodata();
        if (nodata.isEmpty()) {
            n.putNull("nodata");
        } else if (Double.isNaN(nodata.getAsDouble()) || Double.isInfinite(nodata.getAsDouble())) {
            n.put("nodata", Double.toString(nodata.getAsDouble()));
        } else {
            n.put("nodata", nodata.getAsDouble());
        }
        n.put("level", level);
        ArrayNode win = n.putArray("window");
        win.add(w.col()).add(w.row()).add(w.width()).add(w.height());
        GeoReference geo = cog.geoReference(level);
        if (geo.geoTransform() != null) {
            double[] g = geo.geoTransform();
            ArrayNode gt = n.putArray("geotransform");
            gt.add(g[0] + w.col() * g[1] + w.row() * g[2]).add(g[1]).add(g[2])
                    .add(g[3] + w.col() * g[4] + w.row() * g[5]).add(g[4]).add(g[5]);
        }
        if (geo.epsg() > 0) {
            n.put("epsg", geo.epsg());
        }
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(n) + "\n";
    }
}
