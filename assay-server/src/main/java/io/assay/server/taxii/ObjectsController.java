package io.assay.server.taxii;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The objects, object, versions and manifest endpoints of a collection. Reading needs can_read, POST needs
 * can_write, DELETE both; a participant who is no member gets 404, a member without the right 403.
 */
@RestController
public class ObjectsController {

    private static final String COLLECTION = "/taxii2/{root}/collections/{cid}";

    private final Collections collections;
    private final ObjectStore store;
    private final StatusStore statuses;
    private final TaxiiProperties props;
    private final JsonMapper mapper;
    private final ObjectEvents events;

    public ObjectsController(Collections collections, ObjectStore store, StatusStore statuses, TaxiiProperties props,
                             JsonMapper mapper, ObjectEvents events) {
        this.collections = collections;
        this.store = store;
        this.statuses = statuses;
        this.props = props;
        this.mapper = mapper;
        this.events = events;
    }

    @GetMapping({COLLECTION + "/objects/", COLLECTION + "/objects"})
    ResponseEntity<ObjectNode> objects(@PathVariable String root, @PathVariable String cid, HttpServletRequest request) {
        Participant p = TaxiiFilter.participant(request);
        Collection c = readable(root, cid, p);
        ObjectStore.Page page = store.find(c.id(), p, query(request, "last"), true);
        return TaxiiResponses.page(page.rows(), Envelope.of(page, mapper));
    }

    @GetMapping({COLLECTION + "/objects/{oid}/", COLLECTION + "/objects/{oid}"})
    ResponseEntity<ObjectNode> object(@PathVariable String root, @PathVariable String cid, @PathVariable String oid,
                                      HttpServletRequest request) {
        Participant p = TaxiiFilter.participant(request);
        Collection c = readable(root, cid, p);
        ObjectStore.Page page = store.find(c.id(), p, query(request, "last").withId(oid), true);
        if (page.rows().isEmpty() && request.getParameter("next") == null) {
            throw noObject(oid);
        }
        return TaxiiResponses.page(page.rows(), Envelope.of(page, mapper));
    }

    @GetMapping({COLLECTION + "/objects/{oid}/versions/", COLLECTION + "/objects/{oid}/versions"})
    ResponseEntity<Versions> versions(@PathVariable String root, @PathVariable String cid, @PathVariable String oid,
                                      HttpServletRequest request) {
        Participant p = TaxiiFilter.participant(request);
        Collection c = readable(root, cid, p);
        ObjectStore.Page page = store.find(c.id(), p, query(request, "all").withId(oid), false);
        if (page.rows().isEmpty() && request.getParameter("next") == null) {
            throw noObject(oid);
        }
        return TaxiiResponses.page(page.rows(), Versions.of(page));
    }

    @GetMapping({COLLECTION + "/manifest/", COLLECTION + "/manifest"})
    ResponseEntity<Manifest> manifest(@PathVariable String root, @PathVariable String cid, HttpServletRequest request) {
        Participant p = TaxiiFilter.participant(request);
        Collection c = readable(root, cid, p);
        ObjectStore.Page page = store.find(c.id(), p, query(request, "last"), false);
        return TaxiiResponses.page(page.rows(), Manifest.of(page));
    }

    @DeleteMapping({COLLECTION + "/objects/{oid}/", COLLECTION + "/objects/{oid}"})
    ResponseEntity<Void> delete(@PathVariable String root, @PathVariable String cid, @PathVariable String oid,
                                HttpServletRequest request) {
        Participant p = TaxiiFilter.participant(request);
        Collection c = readable(root, cid, p);
        if (!c.canWrite()) {
            throw TaxiiException.forbidden("this participant may not write to (or delete from) this collection");
        }
        // Without match[version] every version goes (section 5.7); only versions the deleter can see are touched.
        if (store.delete(c.id(), p, query(request, "all").withId(oid)) == 0) {
            throw noObject(oid);
        }
        return ResponseEntity.ok().contentType(TaxiiResponses.TAXII).build();
    }

    @PostMapping({COLLECTION + "/objects/", COLLECTION + "/objects"})
    ResponseEntity<StatusResource> add(@PathVariable String root, @PathVariable String cid, HttpServletRequest request)
            throws IOException {
        ApiRoot.require(root);
        Participant p = TaxiiFilter.participant(request);
        Collection c = CollectionsController.member(collections, cid, p);
        if (!c.canWrite()) {
            throw TaxiiException.forbidden("this participant may not write to this collection");
        }
        List<JsonNode> objects = Envelope.objects(readBody(request));
        Instant requested = TaxiiTime.now();
        List<StatusResource.Detail> successes = new ArrayList<>();
        List<StatusResource.Detail> failures = new ArrayList<>();
        for (JsonNode node : objects) {
            Instant added = TaxiiTime.now();
            try {
                StixObject o = StixObject.read(node, added);
                // A version already stored is left untouched: re-posting it succeeds and changes nothing.
                store.add(c.id(), o, added).ifPresent(at -> events.added(c.id(), o, at));
                successes.add(new StatusResource.Detail(o.id(), TaxiiTime.format(o.version()), null));
            } catch (StixObject.Invalid e) {
                JsonNode id = node.isObject() ? node.get("id") : null;
                failures.add(new StatusResource.Detail(id != null && id.isString() ? TaxiiTime.abbreviate(id.asString()) : null,
                        null, e.getMessage()));
            }
        }
        StatusResource status = StatusResource.complete(UUID.randomUUID().toString(), TaxiiTime.format(requested),
                successes, failures);
        statuses.save(c.id(), p, status);
        return ResponseEntity.accepted().contentType(TaxiiResponses.TAXII).body(status);
    }

    /** The body, read up to max_content_length (a chunked body declares no length, so the filter cannot check it). */
    private JsonNode readBody(HttpServletRequest request) throws IOException {
        long max = props.maxContentLength().toBytes();
        byte[] body = request.getInputStream().readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
        if (body.length > max) {
            throw TaxiiException.tooLarge(max);
        }
        if (body.length == 0) {
            throw TaxiiException.badRequest("the body is empty; POST a TAXII envelope {\"objects\": [...]}");
        }
        try {
            return mapper.readTree(body);
        } catch (JacksonException e) {
            throw TaxiiException.badRequest("the body is not valid JSON: " + TaxiiTime.abbreviate(String.valueOf(e.getOriginalMessage())));
        }
    }

    private ObjectQuery query(HttpServletRequest request, String defaultVersion) {
        return ObjectQuery.of(request.getParameterMap(), props.maxPageSize(), defaultVersion);
    }

    private Collection readable(String root, String cid, Participant p) {
        ApiRoot.require(root);
        Collection c = CollectionsController.member(collections, cid, p);
        if (!c.canRead()) {
            throw TaxiiException.forbidden("this participant may not read this collection");
        }
        return c;
    }

    private static TaxiiException noObject(String oid) {
        return TaxiiException.notFound("no object " + TaxiiTime.abbreviate(oid) + " visible to this participant in this collection");
    }
}
