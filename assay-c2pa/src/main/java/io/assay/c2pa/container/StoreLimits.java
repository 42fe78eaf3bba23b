package io.assay.c2pa.container;

import io.assay.c2pa.C2paException;

/** Memory bounds for what an extractor may copy out of a file. */
public final class StoreLimits {

    private StoreLimits() {
    }

    /** The largest manifest store read (thumbnails included, real stores are far below it). */
    public static final int MAX_STORE_BYTES = 64 * 1024 * 1024;

    /** The largest XMP packet read when looking for a remote manifest reference. */
    public static final int MAX_XMP_BYTES = 4 * 1024 * 1024;

    static int checkStoreSize(long length, String where) throws C2paException {
        if (length < 0 || length > MAX_STORE_BYTES) {
            throw new C2paException(where + ": manifest store of " + length + " bytes is over the "
                    + MAX_STORE_BYTES + "-byte limit");
        }
        return (int) length;
    }
}
