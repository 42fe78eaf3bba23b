package io.assay.server.taxii;

import java.util.List;

/** The API root resource (TAXII 2.1 section 4.2). This server has one API root, {@link #NAME}. */
public record ApiRoot(String title, String description, List<String> versions, long max_content_length) {

    public static final String NAME = "assay";

    /** The API root a path names; any other is not found. */
    static void require(String root) {
        if (!NAME.equals(root)) {
            throw TaxiiException.notFound("there is no API root named " + TaxiiTime.abbreviate(root));
        }
    }
}
