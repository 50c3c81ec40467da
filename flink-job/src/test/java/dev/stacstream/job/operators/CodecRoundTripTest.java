package dev.stacstream.job.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stacstream.cog.plan.BlockRef;
import dev.stacstream.cog.plan.PixelWindow;
import dev.stacstream.cog.tiff.LevelEncoding;
import dev.stacstream.job.plan.AssetRole;
import dev.stacstream.job.plan.AssetWindow;
import dev.stacstream.job.plan.BlockTask;
import dev.stacstream.job.plan.BlockTaskCodec;
import dev.stacstream.job.plan.BlockTaskVersion1;
import dev.stacstream.job.plan.WindowGrid;
import dev.stacstream.job.types.RecordCodec;
import dev.stacstream.sinks.kerchunk.item.AssetSource;
import dev.stacstream.sinks.kerchunk.item.BandValues;
import dev.stacstream.sinks.kerchunk.item.ItemInfo;
import dev.stacstream.sinks.kerchunk.tiff.LevelLayout;
import dev.stacstream.sinks.manifest.ItemReferences;
import dev.stacstream.sinks.row.ErrorRow;
import dev.stacstream.sinks.row.ErrorStage;
import dev.stacstream.storage.ByteRange;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class CodecRoundTripTest {

    static <T> T roundTrip(RecordCodec<T> codec, T value) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        codec.write(value, out);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        T back = codec.read(codec.version(), in);
        assertThat(in.available()).as("trailing bytes").isZero();
        return back;
    }

    static BlockTask task() {
        LevelEncoding enc = new LevelEncoding(0, 1098, 1098, 1, 512, 512, true, false, 16, 1, 8, 2, 1, false, null, null);
        LevelEncoding jpeg = new LevelEncoding(2, 64, 64, 3, 16, 16, false, true, 8, 1, 7, 1, 6, true, new byte[] {1, 2, 3},
                "because");
        AssetWindow band = new AssetWindow("red", "red", AssetRole.BAND, "s3://b/B04.tif", 0, enc,
                new PixelWindow(512, 0, 512, 512), List.of(new BlockRef(1, 0, 1, 0, new ByteRange(1000, 500)),
                        new BlockRef(2, 0, 2, 0, null)), new double[] {1, 10, 0, 2, 0, -10}, 32629, 0.0, 1e-4, -0.1);
        AssetWindow mask = new AssetWindow("scl", "scl", AssetRole.MASK, "file:///x/SCL.tif", 1, jpeg,
                new PixelWindow(0, 0, 5, 5), List.of(), new double[] {1, 20, 0, 2, 0, -20}, 0, null, null, null);
        // One window per 512 block, as the version 1 planner made them, so that the task also has a version 1 form.
        return new BlockTask("item-1", null, Instant.parse("2020-02-19T11:23:45.123456789Z"), "MGRS-29RKH", 3,
                new WindowGrid(1098, 1098, 512, 512), List.of(band, mask));
    }

    @Test
    void blockTaskRoundTrips() throws IOException {
        BlockTask t = task();
        BlockTask back = roundTrip(new BlockTaskCodec(), t);
        assertThat(back).usingRecursiveComparison().isEqualTo(t);
    }

    @Test
    void plannedAndFetchedRoundTrip() throws IOException {
        ErrorRow error = ErrorRow.of("item-1", ErrorStage.READ, "not_found", "gone", Instant.parse("2026-01-01T00:00:00Z"))
                .withAsset("red", "s3://b/B04.tif").withBlock(7).withAttempts(3);
        assertThat(roundTrip(new PlannedCodec(), Planned.error(error))).isEqualTo(Planned.error(error));
        assertThat(roundTrip(new PlannedCodec(), Planned.task(task())).task())
                .usingRecursiveComparison().isEqualTo(task());
        FetchedWindow fetched = FetchedWindow.ok(task(), List.of(java.util.Arrays.asList(java.nio.ByteBuffer.wrap(new byte[] {9, 8}), null), List.of()));
        FetchedWindow back = roundTrip(new FetchedWindowCodec(), fetched);
        assertThat(back.blocks().get(0).get(0)).isEqualTo(java.nio.ByteBuffer.wrap(new byte[] {9, 8}));
        assertThat(back.blocks().get(0).get(1)).isNull();
        assertThat(roundTrip(new FetchedWindowCodec(), FetchedWindow.failed(task(), error)).failure())
                .isEqualTo(error);
    }

    @Test
    void itemReferencesRoundTripAsAPlanOutputAndOnTheirOwn() throws IOException {
        LevelLayout level = new LevelLayout(0, 20, 20, 1, false, true, 10, 10, 16, true, 1, 8, 2, 1, 0, false, null,
                0.0, new long[] {100, 0, 300, 400}, new long[] {50, 0, 52, 53});
        ItemReferences refs = new ItemReferences(new ItemInfo("item-1", Instant.parse("2020-02-19T11:23:45.123456Z"),
                null), "MGRS-29RKH", List.of(new AssetSource("red", "s3://b/B04.tif", List.of(level),
                new double[] {1, 10, 0, 2, 0, -10}, 32629, new BandValues(0.0, new double[] {1e-4}, new double[] {-0.1}))));

        assertThat(roundTrip(new PlannedCodec(), Planned.references(refs))).isEqualTo(Planned.references(refs));
        assertThat(roundTrip(new ItemReferencesCodec(), refs)).isEqualTo(refs);
    }

    /** Version 1 of the plan output (a boolean: task or error) is what older savepoints hold in flight. */
    @Test
    void version1PlanOutputsAreStillRead() throws IOException {
        ErrorRow error = ErrorRow.of("item-1", ErrorStage.PLAN, "io", "reset", Instant.parse("2026-01-01T00:00:00Z"));
        DataOutputSerializer out = new DataOutputSerializer(256);
        out.writeBoolean(false);
        ErrorRowCodec.write(error, out);
        out.writeBoolean(true);
        BlockTaskVersion1.write(task(), out);

        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        PlannedCodec codec = new PlannedCodec();
        assertThat(codec.read(1, in)).isEqualTo(Planned.error(error));
        assertThat(codec.read(1, in).task()).usingRecursiveComparison().isEqualTo(task());
        assertThat(in.available()).isZero();
    }

    /** Version 2 of the plan output (a tag, then a version 1 task) from before tasks carried their window grid. */
    @Test
    void version2PlanOutputsHoldVersion1Tasks() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        out.writeByte(0); // the task tag
        BlockTaskVersion1.write(task(), out);

        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        assertThat(new PlannedCodec().read(2, in).task()).usingRecursiveComparison().isEqualTo(task());
        assertThat(in.available()).isZero();
    }

    @Test
    void version1FetchedWindowsHoldVersion1Tasks() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        BlockTaskVersion1.write(task(), out);
        out.writeBoolean(false); // not failed
        out.writeInt(1); // assets
        out.writeInt(1); // blocks of the asset
        out.writeInt(2);
        out.write(new byte[] {9, 8});

        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        FetchedWindow back = new FetchedWindowCodec().read(1, in);
        assertThat(back.task()).usingRecursiveComparison().isEqualTo(task());
        assertThat(back.blocks()).containsExactly(List.of(java.nio.ByteBuffer.wrap(new byte[] {9, 8})));
        assertThat(in.available()).isZero();
    }

    /** A version 1 task had one window per block of its bands' level: that is its grid. */
    @Test
    void version1TasksReadWithOneWindowPerBandBlock() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        BlockTaskVersion1.write(task(), out);

        BlockTask back = new BlockTaskCodec().read(1, new DataInputDeserializer(out.getCopyOfBuffer()));
        assertThat(back.windows()).isEqualTo(new WindowGrid(1098, 1098, 512, 512));
        assertThat(back).usingRecursiveComparison().isEqualTo(task());
    }

    @Test
    void aVersion1TaskWhoseWindowCountIsNotItsBandsBlockCountIsRejected() throws IOException {
        BlockTask t = task();
        BlockTask twoByTwo = new BlockTask(t.itemId(), t.collection(), t.datetime(), t.tile(), 3,
                new WindowGrid(1098, 1098, 1024, 1024), t.assets());
        DataOutputSerializer out = new DataOutputSerializer(256);
        BlockTaskVersion1.write(twoByTwo, out);

        assertThatThrownBy(() -> new BlockTaskCodec().read(1, new DataInputDeserializer(out.getCopyOfBuffer())))
                .isInstanceOf(IOException.class).hasMessageContaining("item-1").hasMessageContaining("records 4 windows")
                .hasMessageContaining("has 9 blocks");
    }
}
