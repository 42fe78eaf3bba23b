package io.assay.exchange.stix;

import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Assay's STIX 2.1 property extension (§7.3): the content STIX has no property for. Objects carry it as
 * {@code extensions: {"extension-definition--e9345c4b-…": {"extension_type": "property-extension", …}}} with:
 * <ul>
 *   <li>{@code perceptual_hashes}: list of {algorithm, value, quality?} (indicator) - PDQ, vPDQ, Chromaprint;</li>
 *   <li>{@code media_label}, {@code election}, {@code candidate}: strings (indicator);</li>
 *   <li>{@code reach}: integer >= 0, the audience the sighted post reached if known (sighting);</li>
 *   <li>{@code claim_review}: {author, date_published, url, rating, claim_reviewed} (note);</li>
 *   <li>{@code recipient_refs}: identity ids allowed to read a TLP:RED object (any object).</li>
 * </ul>
 * The JSON Schema ships in this jar as {@value #SCHEMA_RESOURCE}.
 */
public final class AssayExtension {

    /** Fixed for version 1 of the extension; a new version of the schema gets a new id. */
    public static final String ID = "extension-definition--e9345c4b-7855-4095-a531-a0010777c7a0";
    /** The identity that authors the extension definition: the Assay project. */
    public static final String AUTHOR_ID = "identity--35fe057f-5679-440e-9d7e-22957f771ae8";
    public static final String SCHEMA_RESOURCE = "/io/assay/exchange/assay-extension-v1.schema.json";
    public static final String VERSION = "1.0.0";
    static final String CREATED = "2026-11-25T00:00:00.000Z";

    private AssayExtension() {
    }

    /** The extension-definition object to share (once) with every peer, e.g. in the first bundle. */
    public static ExtensionDefinition definition() {
        Timestamp created = new Timestamp(CREATED);
        Common common = new Common(ExtensionDefinition.TYPE, ID, Common.SPEC_VERSION, AUTHOR_ID, created, created,
                null, List.of(), null, null, null, List.of(Tlp.CLEAR.markingId()), null, null, null);
        return new ExtensionDefinition(common, "Assay media signals",
                "Perceptual hashes (PDQ, vPDQ, Chromaprint) of flagged election media, sighting reach, debunk "
                        + "context and TLP:RED recipients, for the Assay exchange.",
                "JSON Schema (draft 2020-12) in the assay-exchange jar at " + SCHEMA_RESOURCE.substring(1),
                VERSION, List.of("property-extension"));
    }

    /** The identity that authors the extension definition. */
    public static Identity author() {
        Timestamp created = new Timestamp(CREATED);
        Common common = new Common(Identity.TYPE, AUTHOR_ID, Common.SPEC_VERSION, AUTHOR_ID, created, created, null,
                List.of(), null, null, null, List.of(Tlp.CLEAR.markingId()), null, null, null);
        return new Identity(common, "Assay project", null, List.of(), "organization", List.of(), null);
    }

    /** The extension body on an object, or a new empty one ({@code extension_type} set). */
    static ObjectNode bodyOf(Common common) {
        ObjectNode body = common.extension(ID);
        if (body == null) {
            body = io.assay.exchange.json.StixJson.newObject().put("extension_type", "property-extension");
        }
        return body;
    }
}
