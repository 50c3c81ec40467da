package dev.stacstream.sinks.manifest;

import dev.stacstream.sinks.kerchunk.stack.AppendResult;
import dev.stacstream.sinks.kerchunk.stack.StackKey;
import java.util.List;

/**
 * What one {@link ManifestPublisher#publish} did.
 *
 * @param items item manifests written (rewriting one that exists gives the same bytes)
 * @param appended time steps added over all stacks (a stack written in both forms counts once)
 * @param duplicates items a stack already held: nothing changed for them (a replayed commit)
 * @param rejected items a stack could not take, with the reason
 */
public record PublishReport(int items, int appended, int duplicates, List<Rejection> rejected) {

    public PublishReport {
        rejected = List.copyOf(rejected);
    }

    /** An item one time stack refused (e.g. its tiles differ in size from the stack's). */
    public record Rejection(StackKey stack, AppendResult.Rejected reason) {

        /** One line for the log: stack, item and reason. */
        public String message() {
            return "time stack " + stack + " does not take item " + reason.itemId() + ": " + reason.reason();
        }
    }
}
