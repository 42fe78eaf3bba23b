package io.assay.server.taxii;

import java.util.List;

/** A collection resource (TAXII 2.1 section 5.2) with the requesting participant's rights. */
public record CollectionResource(String id, String title, String description, boolean can_read, boolean can_write,
                                 List<String> media_types) {

    static CollectionResource of(Collection c) {
        return new CollectionResource(c.id().toString(), c.title(), c.description(), c.canRead(), c.canWrite(),
                List.of(TaxiiMedia.STIX));
    }
}
