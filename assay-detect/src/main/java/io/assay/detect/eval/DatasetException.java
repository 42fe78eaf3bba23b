package io.assay.detect.eval;

import java.io.IOException;

/** A dataset that cannot be read: a missing folder, a bad CSV row (with its line number), a missing file. */
public final class DatasetException extends IOException {

    public DatasetException(String message) {
        super(message);
    }
}
