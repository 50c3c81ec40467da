package dev.stacstream.job.operators;

import dev.stacstream.sinks.row.ErrorRow;
import java.util.function.Consumer;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records an error row: counts it for the progress line, logs it as a warning (so a run shows its failures as
 * they happen, not only in the errors table), and emits it to the errors side output.
 */
public final class ErrorRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorRecorder.class);

    private ErrorRecorder() {}

    public static void record(RuntimeContext context, ErrorRow row, Consumer<ErrorRow> output) {
        context.getLongCounter(JobProgress.ERRORS).add(1);
        LOG.warn("{} {} error: {}", row.stage().columnValue(), row.kind(), row.message());
        output.accept(row);
    }
}
