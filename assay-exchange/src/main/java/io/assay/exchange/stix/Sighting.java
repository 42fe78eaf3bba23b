package io.assay.exchange.stix;

import java.util.List;

/** STIX 2.1 §5.2 sighting: where (which platform) and when a participant saw the flagged media, how often. */
public record Sighting(Common common, String description, String sightingOfRef, List<String> observedDataRefs,
                       List<String> whereSightedRefs, Timestamp firstSeen, Timestamp lastSeen, Integer count,
                       Boolean summary) implements StixObject {

    public static final String TYPE = "sighting";

    public Sighting {
        observedDataRefs = observedDataRefs == null ? List.of() : List.copyOf(observedDataRefs);
        whereSightedRefs = whereSightedRefs == null ? List.of() : List.copyOf(whereSightedRefs);
    }
}
