package dev.stacstream.job.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.stacstream.cog.CogFile;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code stacstream inspect URI [--blocks]}: the structure of a (Cloud-Optimized) GeoTIFF as JSON. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Print a GeoTIFF's structure as JSON: byte order, BigTIFF, every IFD (size, blocks, "
                + "compression, predictor, sample type, planar configuration, nodata, georeferencing), "
                + "overview levels, sparse blocks and COG layout validity.")
final class InspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URI", description = "A local path, file://, http(s):// or s3:// URI.")
    String uri;

    @Option(names = "--blocks", description = "Also list every block's byte range [offset, offset + length).")
    boolean blocks;

    @Override
    public Integer call() throws Exception {
        try (CogFile cog = CogFile.open(uri)) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            spec.commandLine().getOut().println(mapper.writeValueAsString(CogDescription.describe(cog, blocks)));
        }
        return 0;
    }
}
