package io.assay.exchange.stix;

import java.util.List;

/** STIX 2.1 §4.3 campaign: a coordinated disinformation effort (e.g. around one election). */
public record Campaign(Common common, String name, String description, List<String> aliases, Timestamp firstSeen,
                       Timestamp lastSeen, String objective) implements StixObject {

    public static final String TYPE = "campaign";

    public Campaign {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
