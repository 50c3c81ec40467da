package dev.stacstream.cog.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TestCorpusTest {

    /** A row of MANIFEST.md's "TIFF structure summary" table starts with the file in backquotes, then LE or BE. */
    private static final Pattern STRUCTURE_ROW = Pattern.compile("^\\| `([^`]+\\.(?i:tiff?))` \\| (LE|BE) \\|", Pattern.MULTILINE);

    @Test
    void listsEveryTiffTheManifestDescribes() throws IOException {
        TestCorpus corpus = TestCorpus.require();
        String manifest = Files.readString(corpus.root().resolve("MANIFEST.md"), StandardCharsets.UTF_8);
        Matcher rows = STRUCTURE_ROW.matcher(manifest);
        List<String> described = rows.results().map(r -> r.group(1)).toList();

        assertThat(described).isNotEmpty();
        assertThat(corpus.tiffs()).containsExactlyInAnyOrderElementsOf(described);
    }

    @Test
    void findsEveryExtensionSpellingAndResolvesRelativePaths() {
        TestCorpus corpus = TestCorpus.require();

        assertThat(corpus.tiffs()).contains(
                "rasters/geotiff/rasterio/byte.tif",
                "rasters/geotiff/async-tiff/minisblack-1c-16b.tiff",
                "rasters/landsat/LC08_L2SP_001062_20201031_20201106_02_T2/SR_B4.TIF");
        assertThat(corpus.relativize(corpus.resolve("rasters/geotiff/rasterio/byte.tif"))).isEqualTo("rasters/geotiff/rasterio/byte.tif");
    }
}
