package dev.stacstream.sinks.kerchunk.stack;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stacstream.sinks.kerchunk.ChunkRef;
import dev.stacstream.sinks.kerchunk.ReferenceSet;
import java.util.Map;

/**
 * Everything of a stack version except the data array's chunk references: root group, data array metadata, and
 * the coordinate arrays with their inline chunks. Both containers write it as is and add the data chunks.
 */
final class StackSkeleton {

    private StackSkeleton() {}

    static ReferenceSet of(StackState state) {
        ReferenceSet refs = new ReferenceSet();
        refs.putGroup("", state.rootAttributes());
        ObjectNode attrs = JsonNodeFactory.instance.objectNode();
        var dims = attrs.putArray("_ARRAY_DIMENSIONS").add(StackCoordinates.TIME);
        state.dimensions().forEach(dims::add);
        attrs.put("coordinates", String.join(" ", StackCoordinates.ITEM_ID, StackCoordinates.OFFSET,
                StackCoordinates.SCALE));
        refs.putArray(state.key().asset(), state.dataArray(), attrs);
        Map<String, byte[]> chunks = StackCoordinates.encode(state.entries());
        StackCoordinates.arrays(state.entries()).forEach((name, array) -> {
            refs.putArray(name, array, StackCoordinates.attributes(name));
            refs.putChunk(name, 0, new ChunkRef.Inline(chunks.get(name)));
        });
        return refs;
    }
}
