package dev.stacstream.sinks.kerchunk.stack;

import java.util.Comparator;

/**
 * One time step of a stack, as its coordinates record it: item id, time (microseconds since the epoch, UTC) and
 * the item's scale and offset. Ordered by (time, id).
 */
record StackEntry(String itemId, long micros, double scale, double offset) {

    static final Comparator<StackEntry> ORDER = Comparator.comparingLong(StackEntry::micros)
            .thenComparing(StackEntry::itemId);
}
