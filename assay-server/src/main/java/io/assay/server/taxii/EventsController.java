package io.assay.server.taxii;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /taxii2/{root}/collections/{id}/events/}: Assay's push extension to TAXII 2.1, a
 * {@code text/event-stream} of the collection's additions (see {@link ObjectEvents}). Same authentication and read
 * right as the objects endpoint.
 */
@RestController
public class EventsController {

    static final String PATH_SUFFIX = "/events/";

    private final Collections collections;
    private final ObjectEvents events;

    public EventsController(Collections collections, ObjectEvents events) {
        this.collections = collections;
        this.events = events;
    }

    @GetMapping(path = {"/taxii2/{root}/collections/{cid}/events/", "/taxii2/{root}/collections/{cid}/events"},
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable String root, @PathVariable String cid, HttpServletRequest request) {
        ApiRoot.require(root);
        Participant p = TaxiiFilter.participant(request);
        Collection c = CollectionsController.member(collections, cid, p);
        if (!c.canRead()) {
            throw TaxiiException.forbidden("this participant may not read this collection");
        }
        return events.subscribe(c.id(), p);
    }

    /** Whether a request path is an event stream (its Accept header is text/event-stream, not TAXII JSON). */
    static boolean isEventStream(String uri) {
        return uri.endsWith(PATH_SUFFIX) || uri.endsWith("/events");
    }
}
