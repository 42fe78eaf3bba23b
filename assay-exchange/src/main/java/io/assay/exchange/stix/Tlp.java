package io.assay.exchange.stix;

import io.assay.exchange.json.StixJson;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Traffic Light Protocol 2.0 levels with the marking-definition ids published by OASIS for STIX 2.1 (the TLP 2.0
 * extension in cti-stix-common-objects). The STIX 2.1 spec's own TLP 1.0 ids (§7.2.1.4) are recognised on input and map
 * to their 2.0 equivalents (WHITE to CLEAR). Declared from least to most restrictive.
 */
public enum Tlp {
    CLEAR("marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", "TLP:CLEAR", "clear"),
    GREEN("marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", "TLP:GREEN", "green"),
    AMBER("marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", "TLP:AMBER", "amber"),
    AMBER_STRICT("marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", "TLP:AMBER+STRICT", "amber+strict"),
    RED("marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", "TLP:RED", "red");

    /** The OASIS extension-definition that the TLP 2.0 marking definitions use. */
    public static final String TLP2_EXTENSION_ID = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";
    /** The created timestamp of the published TLP 2.0 marking definitions. */
    public static final String TLP2_CREATED = "2022-10-01T00:00:00.000Z";

    /** STIX 2.1 §7.2.1.4 TLP 1.0 marking ids, accepted on input. */
    private static final Map<String, Tlp> TLP1 = Map.of(
            "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", CLEAR,
            "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", GREEN,
            "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", AMBER,
            "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", RED);

    private final String markingId;
    private final String label;
    private final String value;

    Tlp(String markingId, String label, String value) {
        this.markingId = markingId;
        this.label = label;
        this.value = value;
    }

    /** The published marking-definition id to put in object_marking_refs. */
    public String markingId() {
        return markingId;
    }

    /** "TLP:AMBER+STRICT" and so on. */
    public String label() {
        return label;
    }

    /** The TLP level for a marking-definition id (TLP 2.0 or the spec's TLP 1.0 ids), if it is one. */
    public static Optional<Tlp> ofMarkingId(String id) {
        for (Tlp tlp : values()) {
            if (tlp.markingId.equals(id)) {
                return Optional.of(tlp);
            }
        }
        return Optional.ofNullable(TLP1.get(id));
    }

    /** The published marking-definition object for this level. */
    public MarkingDefinition markingDefinition() {
        ObjectNode ext = StixJson.newObject().put("extension_type", "property-extension").put("tlp_2_0", value);
        Common common = new Common(MarkingDefinition.TYPE, markingId, Common.SPEC_VERSION, null,
                new Timestamp(TLP2_CREATED), null, null, List.of(), null, null, null, List.of(), null, null, null)
                .withExtension(TLP2_EXTENSION_ID, ext);
        return new MarkingDefinition(common, label, null, null);
    }
}
