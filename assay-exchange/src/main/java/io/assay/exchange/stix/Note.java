package io.assay.exchange.stix;

import java.util.List;

/** STIX 2.1 §4.10 note: here the debunk context (a ClaimReview-like record in Assay's extension). */
public record Note(Common common, String abstractText, String content, List<String> authors, List<String> objectRefs)
        implements StixObject {

    public static final String TYPE = "note";

    public Note {
        authors = authors == null ? List.of() : List.copyOf(authors);
        objectRefs = objectRefs == null ? List.of() : List.copyOf(objectRefs);
    }
}
