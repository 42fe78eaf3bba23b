package io.assay.exchange.stix;

import java.util.List;

/** STIX 2.1 §4.14 report: a named collection of objects (e.g. one deepfake incident). */
public record Report(Common common, String name, String description, List<String> reportTypes, Timestamp published,
                     List<String> objectRefs) implements StixObject {

    public static final String TYPE = "report";

    public Report {
        reportTypes = reportTypes == null ? List.of() : List.copyOf(reportTypes);
        objectRefs = objectRefs == null ? List.of() : List.copyOf(objectRefs);
    }
}
