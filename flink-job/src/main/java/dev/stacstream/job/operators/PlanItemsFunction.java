package dev.stacstream.job.operators;

import dev.stacstream.job.plan.BlockTask;
import dev.stacstream.job.plan.ItemPlanner;
import dev.stacstream.job.plan.PlanException;
import dev.stacstream.job.plan.PlanOptions;
import dev.stacstream.sinks.kerchunk.item.AssetProblem;
import dev.stacstream.sinks.row.ErrorRow;
import dev.stacstream.sinks.row.ErrorStage;
import dev.stacstream.stac.model.StacItem;
import dev.stacstream.storage.RangeReaders;
import dev.stacstream.storage.SharedClients;
import dev.stacstream.storage.StorageOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * Plans each item: reads its assets' headers and emits one {@link BlockTask} per work window plus the item's
 * references for the manifests (and an error row for each asset those have to leave out), or an error row when
 * the item cannot be planned. Header reads are blocking, so they run on a small pool of this operator's own
 * threads; {@code asyncInvoke} itself never blocks the task thread.
 */
public final class PlanItemsFunction extends RichAsyncFunction<StacItem, Planned> {

    private static final long serialVersionUID = 1L;
    private static final int PLANNER_THREADS = 4;
    /** The errors-table kind of an asset the manifests leave out. */
    private static final String UNSUPPORTED = "unsupported";

    private final PlanOptions options;
    private final StorageOptions storage;
    private transient SharedClients clients;
    private transient ExecutorService pool;
    private transient Counter itemsPlanned;
    private transient Counter itemsFailed;

    public PlanItemsFunction(PlanOptions options, StorageOptions storage) {
        this.options = options;
        this.storage = storage;
    }

    @Override
    public void open(OpenContext context) {
        clients = new SharedClients();
        pool = Executors.newFixedThreadPool(PLANNER_THREADS, SharedClients.daemonThreads("stacstream-plan"));
        var metrics = getRuntimeContext().getMetricGroup().addGroup("plan");
        itemsPlanned = metrics.counter("itemsPlanned");
        itemsFailed = metrics.counter("itemsFailed");
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (clients != null) {
            clients.close();
        }
    }

    @Override
    public void asyncInvoke(StacItem item, ResultFuture<Planned> result) {
        ItemPlanner planner = new ItemPlanner(options, href -> RangeReaders.open(href, storage, clients));
        CompletableFuture.supplyAsync(() -> planner.plan(item), pool).whenComplete((plan, error) -> {
            if (error == null) {
                itemsPlanned.inc();
                List<Planned> out = new ArrayList<>(plan.tasks().size() + 1);
                for (BlockTask t : plan.tasks()) {
                    out.add(Planned.task(t));
                }
                out.add(Planned.references(plan.references()));
                for (AssetProblem problem : plan.references().manifest().problems()) {
                    out.add(Planned.error(ErrorRow.of(item.id(), ErrorStage.MANIFEST, UNSUPPORTED, problem.message(),
                            Instant.now()).withAsset(problem.asset(), problem.href())));
                }
                result.complete(out);
                return;
            }
            itemsFailed.inc();
            result.complete(List.of(Planned.error(toError(item, error.getCause() != null ? error.getCause() : error))));
        });
    }

    @Override
    public void timeout(StacItem item, ResultFuture<Planned> result) {
        itemsFailed.inc();
        result.complete(List.of(Planned.error(ErrorRow.of(item.id(), ErrorStage.PLAN, "timeout",
                "item " + item.id() + ": reading the asset headers did not finish within the plan timeout", Instant.now()))));
    }

    private static ErrorRow toError(StacItem item, Throwable error) {
        if (error instanceof PlanException pe) {
            ErrorRow row = ErrorRow.of(item.id(), ErrorStage.PLAN, pe.kind(), pe.getMessage(), Instant.now());
            return pe.asset() == null ? row : row.withAsset(pe.asset(), pe.href());
        }
        return ErrorRow.of(item.id(), ErrorStage.PLAN, "internal", "item " + item.id() + ": " + error, Instant.now());
    }
}
