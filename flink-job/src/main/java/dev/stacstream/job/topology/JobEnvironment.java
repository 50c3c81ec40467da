package dev.stacstream.job.topology;

import dev.stacstream.job.config.PipelineConfig;
import java.io.IOException;
import java.net.ServerSocket;
import org.apache.flink.configuration.Configuration;

/**
 * The Flink configuration a pipeline runs with: exactly-once checkpoints (interval and directory from the
 * pipeline file, retained on cancellation so a run can be resumed), optional restore path, no Kryo fallback,
 * object reuse, and unaligned checkpoints so async-I/O backpressure does not stall barriers.
 */
public final class JobEnvironment {

    private JobEnvironment() {}

    public static Configuration configuration(PipelineConfig config) {
        Configuration conf = new Configuration();
        set(conf, "pipeline.generic-types", "false");
        // Every record an operator emits is immutable or freshly built, and the job's codecs never reuse objects
        // when deserializing, so chained operators may pass records on without a defensive copy.
        set(conf, "pipeline.object-reuse", "true");
        set(conf, "pipeline.name", config.job().name());
        set(conf, "execution.checkpointing.interval", config.checkpoint().interval().toMillis() + " ms");
        set(conf, "execution.checkpointing.mode", "EXACTLY_ONCE");
        set(conf, "execution.checkpointing.dir", config.checkpoint().directory().toString());
        set(conf, "execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION");
        set(conf, "execution.checkpointing.unaligned.enabled", "true");
        config.checkpoint().restoreFrom().ifPresent(path -> set(conf, "execution.state-recovery.path", path.toString()));
        config.job().parallelism().ifPresent(p -> set(conf, "parallelism.default", Integer.toString(p)));
        return conf;
    }

    /** A free local TCP port for the web UI. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free local port for the Flink web UI", e);
        }
    }

    private static void set(Configuration conf, String key, String value) {
        conf.setString(key, value);
    }
}
