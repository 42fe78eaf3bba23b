package io.assay.server.taxii;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** The versions resource (TAXII 2.1 section 5.8): the versions of one object the reader may see. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Versions(boolean more, String next, List<String> versions) {

    static Versions of(ObjectStore.Page page) {
        return new Versions(page.more(), page.next(), page.rows().isEmpty() ? null
                : page.rows().stream().map(r -> TaxiiTime.format(r.version())).toList());
    }
}
