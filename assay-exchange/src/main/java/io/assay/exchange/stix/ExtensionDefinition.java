package io.assay.exchange.stix;

import java.util.List;

/** STIX 2.1 §7.3 extension-definition: names and points to the schema of custom content. */
public record ExtensionDefinition(Common common, String name, String description, String schema, String version,
                                  List<String> extensionTypes) implements StixObject {

    public static final String TYPE = "extension-definition";

    public ExtensionDefinition {
        extensionTypes = extensionTypes == null ? List.of() : List.copyOf(extensionTypes);
    }
}
