package dev.stacstream.job.topology;

import dev.stacstream.job.plan.BlockTask;
import dev.stacstream.sinks.manifest.ItemReferences;
import java.io.Serializable;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Where a caller may add operators to the job graph: after planning, before the block reads, and before the
 * manifest sink. Production runs use {@link #NONE}; failure-injection tests insert an operator there that fails
 * once after a checkpoint completed.
 */
public interface TopologyHooks extends Serializable {

    TopologyHooks NONE = new TopologyHooks() {};

    /** The block tasks on their way to the readers. */
    default DataStream<BlockTask> afterPlan(DataStream<BlockTask> tasks) {
        return tasks;
    }

    /** The item references on their way to the manifest sink. */
    default DataStream<ItemReferences> beforeManifests(DataStream<ItemReferences> references) {
        return references;
    }
}
