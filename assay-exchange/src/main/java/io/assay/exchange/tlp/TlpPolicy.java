package io.assay.exchange.tlp;

import io.assay.exchange.stix.ExtensionDefinition;
import io.assay.exchange.stix.MarkingDefinition;
import io.assay.exchange.stix.StixObject;
import io.assay.exchange.stix.StixSignals;
import io.assay.exchange.stix.Tlp;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * TLP 2.0 read access within the exchange, as one pure function.
 * <ul>
 *   <li>TLP:CLEAR, TLP:GREEN: every participant of the exchange.</li>
 *   <li>TLP:AMBER, TLP:AMBER+STRICT: members of the object's collection only.</li>
 *   <li>TLP:RED: only the identities the object names in Assay's extension {@code recipient_refs}.</li>
 *   <li>The object's creator ({@code created_by_ref}) may always read it.</li>
 *   <li>Several TLP markings (object-level or granular): the most restrictive one applies.</li>
 *   <li>No TLP marking at all: treated as TLP:AMBER - unmarked content is not free to pass on, and AMBER still lets
 *       the collection that received it work with it.</li>
 *   <li>marking-definition and extension-definition objects carry no intelligence and are readable by everyone.</li>
 * </ul>
 */
public final class TlpPolicy {

    /** The level assumed for objects that carry no TLP marking. */
    public static final Tlp UNMARKED = Tlp.AMBER;

    private TlpPolicy() {
    }

    public static boolean mayRead(StixObject object, Reader reader) {
        return decide(object, reader).allowed();
    }

    /** The decision with its reason, for logs and for telling a peer why something was withheld. */
    public static Decision decide(StixObject object, Reader reader) {
        if (object instanceof MarkingDefinition || object instanceof ExtensionDefinition) {
            return new Decision(true, null, "definitions are public");
        }
        Optional<Tlp> marked = level(object);
        Tlp tlp = marked.orElse(UNMARKED);
        String label = marked.isPresent() ? tlp.label() : "unmarked (treated as " + tlp.label() + ")";
        if (reader.identityRef().equals(object.common().createdByRef())) {
            return new Decision(true, tlp, "the reader created it");
        }
        return switch (tlp) {
            case CLEAR, GREEN -> new Decision(true, tlp, label + ": every participant");
            case AMBER, AMBER_STRICT -> reader.collectionMember()
                    ? new Decision(true, tlp, label + ": the reader is a member of the collection")
                    : new Decision(false, tlp, label + ": the reader is not a member of the collection");
            case RED -> StixSignals.recipients(object).contains(reader.identityRef())
                    ? new Decision(true, tlp, label + ": the object names the reader as a recipient")
                    : new Decision(false, tlp, label + ": the object does not name the reader as a recipient");
        };
    }

    /** The most restrictive TLP level among the object's markings (object and granular), if any is a TLP marking. */
    public static Optional<Tlp> level(StixObject object) {
        List<String> refs = new ArrayList<>(object.common().objectMarkingRefs());
        if (object.common().granularMarkings() != null) {
            for (JsonNode g : object.common().granularMarkings()) {
                if (g.path("marking_ref").isString()) {
                    refs.add(g.get("marking_ref").stringValue());
                }
            }
        }
        Tlp strongest = null;
        for (String ref : refs) {
            Optional<Tlp> tlp = Tlp.ofMarkingId(ref);
            if (tlp.isPresent() && (strongest == null || tlp.get().compareTo(strongest) > 0)) {
                strongest = tlp.get();
            }
        }
        return Optional.ofNullable(strongest);
    }

    /** A read decision: allowed or not, the level applied (null for definitions) and why. */
    public record Decision(boolean allowed, Tlp level, String reason) {
    }
}
