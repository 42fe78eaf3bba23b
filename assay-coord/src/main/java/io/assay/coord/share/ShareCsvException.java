package io.assay.coord.share;

import java.io.IOException;

/** A share CSV that cannot be read, with the line at fault (1 = the header). */
public final class ShareCsvException extends IOException {

    private final long line;

    public ShareCsvException(long line, String problem) {
        super("line " + line + ": " + problem);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
