package io.assay.c2pa.remote;

import io.assay.c2pa.C2paException;

/** A remote manifest could not be fetched: refused URL or address, HTTP error, over-size, timeout. One-line message. */
public class RemoteManifestException extends C2paException {

    public RemoteManifestException(String message) {
        super(message);
    }

    public RemoteManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
