package io.assay.c2pa.embed;

import io.assay.c2pa.C2paException;

/**
 * Writes a C2PA manifest store into one container format. Embedding is done twice by the signer: once with a
 * placeholder store to learn where the store lands (the data-hash exclusion, or the BMFF layout), then with the
 * final store of the same length, which must land in the same place.
 */
public interface Embedder {

    /** The hard binding this container takes. */
    HardBinding binding();

    /**
     * The asset without any C2PA manifest store of its own (a signer replaces the old store with a new one that
     * carries the old manifests as ingredients).
     */
    byte[] strip(byte[] asset) throws C2paException;

    /** The asset (already stripped) with {@code store} embedded. */
    Placement embed(byte[] asset, byte[] store) throws C2paException;

    /** Which hard-binding assertion a container uses. */
    enum HardBinding {
        /** {@code c2pa.hash.data}: the whole file minus one excluded range around the store. */
        DATA,
        /** {@code c2pa.hash.bmff.v3}: top-level boxes minus the C2PA {@code uuid} box (and ftyp, free, skip, mfra). */
        BMFF
    }
}
