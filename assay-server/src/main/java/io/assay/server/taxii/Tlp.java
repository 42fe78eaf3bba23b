package io.assay.server.taxii;

import java.util.List;

/**
 * TLP levels read from {@code object_marking_refs}, as the store keeps them (NONE for unmarked objects); the
 * marking-definition ids are assay-exchange's ({@link io.assay.exchange.stix.Tlp}).
 */
public enum Tlp {
    NONE("none"), CLEAR("clear"), GREEN("green"), AMBER("amber"), AMBER_STRICT("amber+strict"), RED("red");

    public static final String CLEAR_ID = io.assay.exchange.stix.Tlp.CLEAR.markingId();
    public static final String GREEN_ID = io.assay.exchange.stix.Tlp.GREEN.markingId();
    public static final String AMBER_ID = io.assay.exchange.stix.Tlp.AMBER.markingId();
    public static final String AMBER_STRICT_ID = io.assay.exchange.stix.Tlp.AMBER_STRICT.markingId();
    public static final String RED_ID = io.assay.exchange.stix.Tlp.RED.markingId();

    private final String stored;

    Tlp(String stored) {
        this.stored = stored;
    }

    /** The name kept in {@code taxii_object.tlp}. */
    public String stored() {
        return stored;
    }

    /** The most restrictive TLP level among the refs (enum order is from least to most restrictive). */
    public static Tlp of(List<String> markingRefs) {
        Tlp level = NONE;
        for (String ref : markingRefs) {
            // the ids (TLP 2.0, and STIX 2.1's TLP 1.0 with WHITE as CLEAR) are assay-exchange's
            Tlp t = io.assay.exchange.stix.Tlp.ofMarkingId(ref).map(x -> Tlp.valueOf(x.name())).orElse(null);
            if (t != null && t.ordinal() > level.ordinal()) {
                level = t;
            }
        }
        return level;
    }
}
