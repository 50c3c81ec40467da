package dev.stacstream.cog.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stacstream.cog.CogFile;
import dev.stacstream.cog.plan.BlockPlanner;
import dev.stacstream.cog.plan.BlockRef;
import dev.stacstream.cog.plan.PixelWindow;
import dev.stacstream.cog.testing.TestCorpus;
import dev.stacstream.cog.tiff.ImageLayout;
import dev.stacstream.storage.CountingRangeReader;
import dev.stacstream.storage.InMemoryRangeReader;
import dev.stacstream.storage.ReadStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What window reads cost in requests and bytes, measured with a counting reader. */
class WindowReaderRequestsTest {

    private static final Path FIXTURE = Path.of(System.getProperty("stacstream.root", "../.."))
            .resolve("test-data/cog/s2like_b04_uint16_deflate_pred2_tile256_1000x1000.tif").toAbsolutePath().normalize();

    private static CountingRangeReader reader() throws IOException {
        return new CountingRangeReader(new InMemoryRangeReader(FIXTURE.toString(), Files.readAllBytes(FIXTURE)));
    }

    @Test
    void blocksInsideTheHeaderReadNeedNoFurtherRequest() throws IOException {
        Path small = TestCorpus.require().resolve("rasters/geotiff/rio-cogeo/image_rioCOG_gdal3.1.tif");
        try (CountingRangeReader r = new CountingRangeReader(new InMemoryRangeReader(small.toString(),
                Files.readAllBytes(small))); CogFile cog = CogFile.open(r)) {
            ReadStats afterHeader = r.stats();
            for (int level = 0; level < cog.levels().size(); level++) {
                cog.read(level);
            }
            assertThat(afterHeader.requests()).isEqualTo(1);
            assertThat(r.stats().minus(afterHeader).requests()).isZero();
        }
    }

    @Test
    void anOverviewOfTheFixtureIsOneMoreRequest() throws IOException {
        try (CountingRangeReader r = reader(); CogFile cog = CogFile.open(r)) {
            ReadStats afterHeader = r.stats();
            cog.read(cog.levels().size() - 1);
            assertThat(r.stats().minus(afterHeader).requests()).isEqualTo(1);
        }
    }

    @Test
    void aWholeLevelIsOneCoalescedRequestOfLittleMoreThanItsBlocks() throws IOException {
        try (CountingRangeReader r = reader(); CogFile cog = CogFile.open(r)) {
            ReadStats afterHeader = r.stats();
            cog.read(0);
            ReadStats level0 = r.stats().minus(afterHeader);
            long blockBytes = BlockPlanner.all(cog.level(0)).stream().mapToLong(b -> b.range().length()).sum();
            assertThat(level0.requests()).isEqualTo(1);
            assertThat(level0.bytesRequested()).isEqualTo(blockBytes);
            // GDAL's 4-byte block leader and trailer between tiles are the only bytes read beyond the blocks.
            assertThat(level0.bytesReceived()).isBetween(blockBytes, blockBytes + 8L * cog.level(0).blockCount());
        }
    }

    @Test
    void aWindowReadsOnlyTheBlocksItTouches() throws IOException {
        try (CountingRangeReader r = reader(); CogFile cog = CogFile.open(r)) {
            ReadStats afterHeader = r.stats();
            PixelWindow window = new PixelWindow(250, 250, 20, 20);
            cog.read(0, window);
            ImageLayout level0 = cog.level(0);
            long expected = BlockPlanner.plan(level0, window).stream().map(BlockRef::range).mapToLong(x -> x.length()).sum();
            assertThat(r.stats().minus(afterHeader).bytesRequested()).isEqualTo(expected);
            assertThat(r.stats().minus(afterHeader).rangesRequested()).isEqualTo(4);
        }
    }
}
