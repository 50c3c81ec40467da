package dev.stacstream.storage;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The outcome of {@link RangeCoalescer#coalesce}: the requests to issue, which caller ranges each one serves, and
 * how to cut the responses back into the caller's ranges.
 *
 * <p>Immutable. The buffers returned by {@link #split} are views of the response buffers (no copy): a range that
 * appears twice, or two overlapping ranges, share bytes.
 */
public final class CoalescedRanges {

    private final List<ByteRange> inputs;
    private final List<ByteRange> requests;
    private final int[] requestOfInput;

    CoalescedRanges(List<ByteRange> inputs, List<ByteRange> requests, int[] requestOfInput) {
        this.inputs = List.copyOf(inputs);
        this.requests = List.copyOf(requests);
        this.requestOfInput = requestOfInput.clone();
    }

    /** The caller's ranges, in the caller's order. */
    public List<ByteRange> inputs() {
        return inputs;
    }

    /** The requests to issue, sorted by offset, each covering one or more inputs. */
    public List<ByteRange> requests() {
        return requests;
    }

    /** Indices (into {@link #inputs()}, ascending) of the caller ranges that request {@code requestIndex} serves. */
    public List<Integer> servedBy(int requestIndex) {
        List<Integer> served = new ArrayList<>();
        for (int i = 0; i < requestOfInput.length; i++) {
            if (requestOfInput[i] == requestIndex) {
                served.add(i);
            }
        }
        return Collections.unmodifiableList(served);
    }

    /** Bytes the requests fetch in total (gaps included, overlaps counted once). */
    public long requestedBytes() {
        long total = 0;
        for (ByteRange request : requests) {
            total += request.length();
        }
        return total;
    }

    /**
     * Cuts the responses (one per request, in {@link #requests()} order, each exactly the request's length from
     * its position) into one buffer per input, in the caller's order, each with position 0 and limit = length.
     *
     * @throws IllegalArgumentException when the responses do not match the requests in number or length
     */
    public List<ByteBuffer> split(List<ByteBuffer> responses) {
        if (responses.size() != requests.size()) {
            throw new IllegalArgumentException(String.format(
                    "expected %d responses for requests %s, got %d", requests.size(), requests, responses.size()));
        }
        for (int r = 0; r < requests.size(); r++) {
            if (responses.get(r).remaining() != requests.get(r).length()) {
                throw new IllegalArgumentException(String.format(
                        "response for request %s has %d bytes, expected %d",
                        requests.get(r), responses.get(r).remaining(), requests.get(r).length()));
            }
        }
        List<ByteBuffer> out = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            ByteRange input = inputs.get(i);
            ByteRange request = requests.get(requestOfInput[i]);
            ByteBuffer response = responses.get(requestOfInput[i]);
            int from = response.position() + Math.toIntExact(input.offset() - request.offset());
            out.add(response.duplicate().position(from).limit(from + Math.toIntExact(input.length())).slice());
        }
        return out;
    }

    @Override
    public String toString() {
        return "CoalescedRanges{" + inputs.size() + " ranges -> requests " + requests + "}";
    }
}
