package dev.stacstream.job.operators;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The late items an aggregating subtask has reported, so that an item whose many records (windows, chunks,
 * points) arrive after their period closed gives one {@code late} error row per subtask instead of one per record.
 * Remembers the last {@value #REMEMBERED} items (least recently seen dropped first), so memory stays bounded in a
 * job that runs for months; an item older than that may be reported again. Not thread-safe: one per operator
 * instance, not checkpointed (a restore may report an item once more).
 */
public final class LateItems {

    /** Late items remembered per subtask. */
    public static final int REMEMBERED = 1024;

    private final Set<String> reported = Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    /** Whether item {@code itemId} is reported late for the first time (among the remembered ones). */
    public boolean firstReport(String itemId) {
        return reported.add(itemId);
    }
}
