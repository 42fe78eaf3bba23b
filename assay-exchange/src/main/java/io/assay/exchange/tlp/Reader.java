package io.assay.exchange.tlp;

import java.util.Objects;

/**
 * Who wants to read: a participant's identity id, and whether it is a member of the collection the object is shared
 * in (the caller, e.g. the TAXII layer, knows the collection's membership; this library does not).
 */
public record Reader(String identityRef, boolean collectionMember) {

    public Reader {
        Objects.requireNonNull(identityRef, "identityRef");
    }
}
