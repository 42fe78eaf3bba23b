package io.assay.exchange.stix;

import java.util.List;

/** STIX 2.1 §4.7 indicator: a pattern that detects the flagged media (its hashes). */
public record Indicator(Common common, String name, String description, List<String> indicatorTypes, String pattern,
                        String patternType, String patternVersion, Timestamp validFrom, Timestamp validUntil)
        implements StixObject {

    public static final String TYPE = "indicator";

    public Indicator {
        indicatorTypes = indicatorTypes == null ? List.of() : List.copyOf(indicatorTypes);
    }
}
