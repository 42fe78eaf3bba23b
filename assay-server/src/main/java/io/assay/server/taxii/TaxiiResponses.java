package io.assay.server.taxii;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.List;

/** Builds TAXII responses: the TAXII media type, and the date-added headers of a page. */
final class TaxiiResponses {

    static final MediaType TAXII = MediaType.parseMediaType(TaxiiMedia.TAXII);

    private TaxiiResponses() {
    }

    static <T> ResponseEntity<T> ok(T body) {
        return ResponseEntity.ok().contentType(TAXII).body(body);
    }

    /** A page's body with X-TAXII-Date-Added-First and -Last, the date_added of its first and last rows. */
    static <T> ResponseEntity<T> page(List<ObjectStore.Row> rows, T body) {
        var r = ResponseEntity.ok().contentType(TAXII);
        if (!rows.isEmpty()) {
            r.header("X-TAXII-Date-Added-First", TaxiiTime.format(rows.getFirst().dateAdded()));
            r.header("X-TAXII-Date-Added-Last", TaxiiTime.format(rows.getLast().dateAdded()));
        }
        return r.body(body);
    }
}
