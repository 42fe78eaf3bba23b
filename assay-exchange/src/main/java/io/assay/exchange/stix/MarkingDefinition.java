package io.assay.exchange.stix;

import tools.jackson.databind.node.ObjectNode;

/**
 * STIX 2.1 §7.2.1 marking-definition. TLP 2.0 markings carry no definition_type/definition but the TLP 2.0 property
 * extension (see {@link Tlp}); TLP 1.0 and statement markings use definition_type + definition.
 */
public record MarkingDefinition(Common common, String name, String definitionType, ObjectNode definition)
        implements StixObject {

    public static final String TYPE = "marking-definition";

    public MarkingDefinition {
        definition = definition == null ? null : definition.deepCopy();
    }
}
