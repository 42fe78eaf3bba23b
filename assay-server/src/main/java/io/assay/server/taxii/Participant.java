package io.assay.server.taxii;

import java.util.UUID;

/** A platform or fact-checker that exchanges signals through this server, known by its STIX identity. */
public record Participant(UUID id, String name, String identity) {
}
