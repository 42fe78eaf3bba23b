package io.assay.exchange.stix;

import java.util.List;

/** STIX 2.1 §4.5 identity: a participant (platform, fact-checker, election authority) or a platform sighted on. */
public record Identity(Common common, String name, String description, List<String> roles, String identityClass,
                       List<String> sectors, String contactInformation) implements StixObject {

    public static final String TYPE = "identity";

    public Identity {
        roles = roles == null ? List.of() : List.copyOf(roles);
        sectors = sectors == null ? List.of() : List.copyOf(sectors);
    }
}
