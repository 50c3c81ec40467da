package dev.stacstream.stac.client;

import java.time.Duration;

/** Waits between retries; tests substitute a recording fake so that no test waits for real or asserts on timing. */
@FunctionalInterface
interface Sleeper {

    /** Sleeps on the calling thread. */
    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

    void sleep(Duration duration) throws InterruptedException;
}
