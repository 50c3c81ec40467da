package dev.stacstream.stac.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stacstream.stac.model.Hrefs;
import dev.stacstream.stac.model.Link;
import dev.stacstream.stac.model.StacFormatException;
import dev.stacstream.stac.model.StacJson;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Turns a page's {@code rel=next} link into the request for the following page, exactly as the STAC API paging
 * rules say: the link's {@code method} (GET by default), its {@code href} resolved against the page URL, its
 * {@code headers}, and for POST its {@code body}, merged into the previous body when {@code merge} is true
 * (top-level members of the link body replace the previous ones) and sent as is otherwise. A POST link without a
 * body repeats the previous body. GET links carry their state in the URL ({@code token}, {@code page},
 * {@code startRecord}, ...), which is followed verbatim. A pure function, without I/O.
 */
final class NextPage {

    private NextPage() {}

    /**
     * @param current the request that produced the page
     * @param next the page's {@code next} link
     * @throws StacUnsupportedException for a method other than GET and POST
     * @throws StacDocumentException for an href that is not a valid URI
     */
    static PageRequest follow(PageRequest current, Link next) {
        String method = next.method();
        URI uri = resolve(current, next.href());
        if (PageRequest.GET.equals(method)) {
            return new PageRequest(method, uri, next.headers(), null);
        }
        if (!PageRequest.POST.equals(method)) {
            throw new StacUnsupportedException(current.describe(),
                    "next link asks for HTTP method " + method + "; only GET and POST paging is supported");
        }
        ObjectNode previous = current.body();
        ObjectNode body;
        if (next.body().isEmpty()) {
            body = previous != null ? previous.deepCopy() : StacJson.object();
        } else if (next.merge() && previous != null) {
            body = previous.deepCopy();
            for (var member : next.body().get().properties()) {
                body.set(member.getKey(), member.getValue());
            }
        } else {
            body = next.body().get();
        }
        return new PageRequest(method, uri, next.headers(), body);
    }

    private static URI resolve(PageRequest current, String href) {
        try {
            return new URI(Hrefs.resolve(current.uri().toString(), href));
        } catch (URISyntaxException | StacFormatException e) {
            throw new StacDocumentException(current.describe(), "next link href '" + href + "' is not a valid URL: "
                    + e.getMessage());
        }
    }

    /** Whether two requests would fetch the same page (same method, URL and body): following would loop. */
    static boolean repeats(PageRequest a, PageRequest b) {
        return a.method().equals(b.method()) && a.uri().equals(b.uri()) && equalBodies(a.body(), b.body());
    }

    private static boolean equalBodies(JsonNode a, JsonNode b) {
        return a == null ? b == null : a.equals(b);
    }
}
