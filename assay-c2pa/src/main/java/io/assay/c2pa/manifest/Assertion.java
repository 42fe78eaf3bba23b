package io.assay.c2pa.manifest;

import com.upokecenter.cbor.CBORObject;
import io.assay.c2pa.C2paException;
import io.assay.c2pa.jumbf.ByteSlice;
import io.assay.c2pa.jumbf.JumbfBox;

import java.util.Optional;

/**
 * One assertion of a manifest's assertion store, as stored: its label (with any {@code __N} instance suffix), how
 * its content is encoded, its whole JUMBF superbox (for the hashed-URI check) and its content bytes.
 */
public record Assertion(String label, Kind kind, JumbfBox.SuperBox box, ByteSlice content) {

    /** How an assertion's content is encoded, from its JUMBF description type. */
    public enum Kind { CBOR, JSON, EMBEDDED_FILE, UUID, OTHER }

    /** The label without the {@code __N} instance suffix, e.g. {@code c2pa.ingredient.v3}. */
    public String baseLabel() {
        int i = label.lastIndexOf("__");
        if (i > 0 && i + 2 < label.length() && label.substring(i + 2).chars().allMatch(Character::isDigit)) {
            return label.substring(0, i);
        }
        return label;
    }

    /** The label without instance suffix nor {@code .vN} version, e.g. {@code c2pa.ingredient}. */
    public String typeLabel() {
        String base = baseLabel();
        int v = base.lastIndexOf(".v");
        if (v > 0 && v + 2 < base.length() && base.substring(v + 2).chars().allMatch(Character::isDigit)) {
            return base.substring(0, v);
        }
        return base;
    }

    /** The label's {@code .vN} version, 1 when absent. */
    public int labelVersion() {
        String base = baseLabel();
        return base.length() > typeLabel().length() ? Integer.parseInt(base.substring(typeLabel().length() + 2)) : 1;
    }

    /** The decoded content of a CBOR or JSON assertion (JSON read into the CBOR data model); empty otherwise. */
    public Optional<CBORObject> data() throws C2paException {
        return switch (kind) {
            case CBOR -> Optional.of(Cbor.decode(content, "assertion " + label));
            case JSON -> Optional.of(Cbor.decodeJson(content, "assertion " + label));
            default -> Optional.empty();
        };
    }
}
