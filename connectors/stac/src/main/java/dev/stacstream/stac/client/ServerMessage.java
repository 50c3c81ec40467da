package dev.stacstream.stac.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stacstream.stac.model.StacFormatException;
import dev.stacstream.stac.model.StacJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a server said in an error response, for the one-line error: STAC APIs answer errors with JSON such as
 * {@code {"code":"NotFound","description":"Not Found"}} (stac-server, stac-fastapi) or {@code {"detail": ...}}
 * (FastAPI validation); anything else is quoted from the start of the body.
 */
final class ServerMessage {

    /** Longest excerpt of a body quoted in an error message. */
    static final int MAX_CHARS = 300;

    private static final List<String> TEXT_MEMBERS = List.of("description", "message", "detail", "error", "title");

    private ServerMessage() {}

    static String of(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            JsonNode json = StacJson.parse(text, "error body");
            if (json.isObject()) {
                String fromMembers = fromMembers(json);
                if (!fromMembers.isEmpty()) {
                    return truncate(fromMembers);
                }
            }
            return truncate(StacJson.write(json));
        } catch (StacFormatException notJson) {
            return truncate(text.strip().replaceAll("\\s+", " "));
        }
    }

    private static String fromMembers(JsonNode json) {
        List<String> parts = new ArrayList<>();
        JsonNode code = json.get("code");
        if (code != null && (code.isTextual() || code.isNumber())) {
            parts.add(code.asText());
        }
        for (String member : TEXT_MEMBERS) {
            JsonNode value = json.get(member);
            if (value != null && !value.isNull()) {
                parts.add(value.isTextual() ? value.asText() : StacJson.write(value));
                break;
            }
        }
        return String.join(": ", parts);
    }

    private static String truncate(String text) {
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS) + "...";
    }
}
