package io.assay.coord.share;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records (quoted fields may hold commas, quotes and line breaks), with a bound on the record length so a
 * hostile file cannot make one record take all memory.
 */
final class CsvRecordReader {

    static final int MAX_RECORD_CHARS = 1 << 20;
    static final int MAX_FIELDS = 256;

    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;
    private long line = 1;
    private long recordLine;

    CsvRecordReader(Reader in) {
        this.in = in;
    }

    /** The line on which the record last returned began. */
    long recordLine() {
        return recordLine;
    }

    private int next() throws IOException {
        if (pos == len) {
            len = in.read(buf, 0, buf.length);
            pos = 0;
            if (len <= 0) {
                len = 0;
                return -1;
            }
        }
        return buf[pos++];
    }

    private int peek() throws IOException {
        if (pos == len) {
            len = in.read(buf, 0, buf.length);
            pos = 0;
            if (len <= 0) {
                len = 0;
                return -1;
            }
        }
        return buf[pos];
    }

    /** The next record's fields, or null at the end of the input. Blank lines are skipped. */
    List<String> read() throws IOException {
        while (true) {
            recordLine = line;
            int c = peek();
            if (c == -1) {
                return null;
            }
            if (c == '\n' || c == '\r') {
                next();
                if (c == '\r' && peek() == '\n') {
                    next();
                }
                line++;
                continue;
            }
            return record();
        }
    }

    private List<String> record() throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        int chars = 0;
        boolean quoted = false;
        boolean fieldStart = true;
        while (true) {
            int c = next();
            if (++chars > MAX_RECORD_CHARS) {
                throw new ShareCsvException(recordLine, "record longer than " + MAX_RECORD_CHARS + " characters");
            }
            if (quoted) {
                if (c == -1) {
                    throw new ShareCsvException(recordLine, "unterminated quoted field");
                }
                if (c == '"') {
                    if (peek() == '"') {
                        next();
                        f.append('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    f.append((char) c);
                }
                continue;
            }
            if (c == '"' && fieldStart) {
                quoted = true;
                fieldStart = false;
                continue;
            }
            if (c == ',' || c == '\n' || c == '\r' || c == -1) {
                fields.add(f.toString());
                if (fields.size() > MAX_FIELDS) {
                    throw new ShareCsvException(recordLine, "more than " + MAX_FIELDS + " fields");
                }
                f.setLength(0);
                fieldStart = true;
                if (c == ',') {
                    continue;
                }
                if (c == '\r' && peek() == '\n') {
                    next();
                }
                if (c != -1) {
                    line++;
                }
                return fields;
            }
            fieldStart = false;
            f.append((char) c);
        }
    }
}
