package dev.stacstream.sinks.kerchunk.stack;

import java.util.List;

/**
 * What one append did to a time stack.
 *
 * @param appended ids of the items added, in time order
 * @param duplicates ids already in the stack (or repeated in the batch): nothing changed for them
 * @param rejected items that could not join the stack, with the reason
 * @param timeSteps the stack's length after the append
 */
public record AppendResult(List<String> appended, List<String> duplicates, List<Rejected> rejected, int timeSteps) {

    public AppendResult {
        appended = List.copyOf(appended);
        duplicates = List.copyOf(duplicates);
        rejected = List.copyOf(rejected);
    }

    /** Whether a new version was written (at least one item appended). */
    public boolean changed() {
        return !appended.isEmpty();
    }

    /** An item left out of the stack and why (e.g. "chunks [1, 512, 512] differ from the stack's [1, 256, 256]"). */
    public record Rejected(String itemId, String reason) {}
}
