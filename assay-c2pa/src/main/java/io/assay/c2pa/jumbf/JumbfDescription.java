package io.assay.c2pa.jumbf;

import java.util.Optional;
import java.util.UUID;

/**
 * The description box ({@code jumd}) that opens every JUMBF superbox (ISO 19566-5): the content type UUID, the toggle
 * bits, and the optional label, id, SHA-256 hash and private box.
 *
 * @param type        the content type: for C2PA, e.g. the manifest store, a manifest, a CBOR assertion
 * @param toggles     the raw toggle byte
 * @param label       the label, when toggle 0x02 is set
 * @param id          the numeric id, when toggle 0x04 is set
 * @param hash        the 32-byte SHA-256 hash, when toggle 0x08 is set
 * @param privateBox  the private box, when toggle 0x10 is set
 */
public record JumbfDescription(UUID type, int toggles, Optional<String> label, Optional<Long> id,
                               Optional<ByteSlice> hash, Optional<JumbfBox> privateBox) {

    public static final int REQUESTABLE = 0x01;
    public static final int HAS_LABEL = 0x02;
    public static final int HAS_ID = 0x04;
    public static final int HAS_HASH = 0x08;
    public static final int HAS_PRIVATE = 0x10;

    public boolean requestable() {
        return (toggles & REQUESTABLE) != 0;
    }

    /** The label, or the empty string for an unlabelled box. */
    public String labelOrEmpty() {
        return label.orElse("");
    }
}
