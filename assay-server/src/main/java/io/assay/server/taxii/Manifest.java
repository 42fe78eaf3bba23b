package io.assay.server.taxii;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** The manifest resource (TAXII 2.1 section 5.3): one record per object version, without the object. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Manifest(boolean more, String next, List<Record> objects) {

    public record Record(String id, String date_added, String version, String media_type) {
    }

    static Manifest of(ObjectStore.Page page) {
        return new Manifest(page.more(), page.next(), page.rows().isEmpty() ? null : page.rows().stream()
                .map(r -> new Record(r.id(), TaxiiTime.format(r.dateAdded()), TaxiiTime.format(r.version()), TaxiiMedia.STIX))
                .toList());
    }
}
