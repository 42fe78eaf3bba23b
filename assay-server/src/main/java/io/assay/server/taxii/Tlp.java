package io.assay.server.taxii;

import java.util.List;
import java.util.Map;

/**
 * TLP levels read from {@code object_marking_refs}: the marking-definition ids of the STIX 2.1 TLP 2.0 extension
 * (created 2022-10-01), and the STIX 2.1 specification's TLP 1.0 ones (WHITE read as CLEAR).
 */
public enum Tlp {
    NONE("none"), CLEAR("clear"), GREEN("green"), AMBER("amber"), AMBER_STRICT("amber+strict"), RED("red");

    public static final String CLEAR_ID = "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487";
    public static final String GREEN_ID = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
    public static final String AMBER_ID = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";
    public static final String AMBER_STRICT_ID = "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003";
    public static final String RED_ID = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";

    private static final Map<String, Tlp> BY_ID = Map.of(
            CLEAR_ID, CLEAR, GREEN_ID, GREEN, AMBER_ID, AMBER, AMBER_STRICT_ID, AMBER_STRICT, RED_ID, RED,
            // TLP 1.0, STIX 2.1 section 7.2.1.4
            "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", CLEAR,
            "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", GREEN,
            "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", AMBER,
            "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", RED);

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
            Tlp t = BY_ID.get(ref);
            if (t != null && t.ordinal() > level.ordinal()) {
                level = t;
            }
        }
        return level;
    }
}
