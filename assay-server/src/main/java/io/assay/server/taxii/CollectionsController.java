package io.assay.server.taxii;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** The collections a participant is a member of; others are not listed and answer 404 (their existence is not told). */
@RestController
public class CollectionsController {

    private final Collections collections;

    public CollectionsController(Collections collections) {
        this.collections = collections;
    }

    @GetMapping({"/taxii2/{root}/collections/", "/taxii2/{root}/collections"})
    ResponseEntity<Map<String, List<CollectionResource>>> list(@PathVariable String root, HttpServletRequest request) {
        ApiRoot.require(root);
        return TaxiiResponses.ok(Map.of("collections",
                collections.visibleTo(TaxiiFilter.participant(request)).stream().map(CollectionResource::of).toList()));
    }

    @GetMapping({"/taxii2/{root}/collections/{id}/", "/taxii2/{root}/collections/{id}"})
    ResponseEntity<CollectionResource> one(@PathVariable String root, @PathVariable String id, HttpServletRequest request) {
        ApiRoot.require(root);
        return TaxiiResponses.ok(CollectionResource.of(member(collections, id, TaxiiFilter.participant(request))));
    }

    /** The collection if the participant is a member; 404 otherwise. */
    static Collection member(Collections collections, String id, Participant p) {
        return collections.find(id, p).orElseThrow(() -> TaxiiException.notFound(
                "there is no collection " + TaxiiTime.abbreviate(id) + " that this participant is a member of"));
    }
}
