package dev.stacstream.job.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.Test;

/** {@link EmbeddedFlink}: a job runs on the cluster started ahead of it, and an unused cluster shuts down. */
class EmbeddedFlinkITCase {

    @Test
    void aJobRunsOnTheClusterStartedAheadAndEndsIt() throws Exception {
        EmbeddedFlink flink = started(2);
        StreamExecutionEnvironment env = flink.environment();
        sumJob(env, 2);

        JobClient job = env.executeAsync("embedded");
        JobExecutionResult result = job.getJobExecutionResult().get(2, TimeUnit.MINUTES);

        assertThat(result.<Long>getAccumulatorResult("sum")).isEqualTo(15L);
        assertThat(env.getParallelism()).isEqualTo(2);
        awaitShutDown(flink);
    }

    @Test
    void aJobNeedingMoreSlotsThanTheClusterHasIsRefusedWithTheReason() throws Exception {
        EmbeddedFlink flink = started(1);
        StreamExecutionEnvironment env = flink.environment();
        sumJob(env, 3);

        assertThatThrownBy(() -> env.executeAsync("too wide"))
                .hasStackTraceContaining("the job needs 3 slots; the embedded Flink was started with 1");
        flink.close();

        awaitShutDown(flink);
    }

    @Test
    void aClusterWhoseJobIsNeverSubmittedClosesOnClose() throws Exception {
        EmbeddedFlink flink = EmbeddedFlink.start(new Configuration(), 0);

        flink.close();
        flink.close();

        awaitShutDown(flink);
    }

    private static EmbeddedFlink started(int parallelism) {
        Configuration conf = new Configuration();
        conf.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        return EmbeddedFlink.start(conf, 0);
    }

    /** 1 + ... + 5 into the accumulator "sum", the sum at {@code parallelism}. */
    private static void sumJob(StreamExecutionEnvironment env, int parallelism) {
        env.fromData(1L, 2L, 3L, 4L, 5L).map(new Counting()).setParallelism(parallelism)
                .sinkTo(new DiscardingSink<>());
    }

    /** The job's end (or close) shuts the cluster down, and the thread that started it is gone. */
    private static void awaitShutDown(EmbeddedFlink flink) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (flink.isRunning() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(flink.isRunning()).as("cluster running").isFalse();
        assertThat(Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName))
                .doesNotContain("stacstream-flink-start");
    }

    private static final class Counting extends RichMapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;
        private transient LongCounter sum;

        @Override
        public void open(OpenContext context) {
            sum = getRuntimeContext().getLongCounter("sum");
        }

        @Override
        public Long map(Long value) {
            sum.add(value);
            return value;
        }
    }
}
