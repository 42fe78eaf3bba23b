package io.assay.exchange.stix;

/**
 * The STIX 2.1 objects Assay exchanges. Types Assay does not model arrive as {@link UnknownObject} and round-trip
 * unchanged. Read and write them with {@link StixCodec}.
 */
public sealed interface StixObject
        permits Indicator, Sighting, Report, Campaign, Identity, Note, MarkingDefinition, ExtensionDefinition,
        UnknownObject {

    Common common();

    default String type() {
        return common().type();
    }

    default String id() {
        return common().id();
    }
}
