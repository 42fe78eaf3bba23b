package io.assay.server.taxii;

import java.util.UUID;

/**
 * A TAXII collection as one participant sees it: its rights come from its membership.
 */
public record Collection(UUID id, String title, String description, boolean canRead, boolean canWrite) {
}
