package io.assay.c2pa.jumbf;

import java.util.UUID;

/** Box types and the description-box type UUIDs that C2PA (2.x, section "JUMBF") assigns. */
public final class JumbfTypes {

    private JumbfTypes() {
    }

    public static final String SUPERBOX = "jumb";
    public static final String DESCRIPTION = "jumd";
    public static final String CBOR = "cbor";
    public static final String JSON = "json";
    public static final String EMBEDDED_FILE_DESCRIPTION = "bfdb";
    public static final String BINARY_DATA = "bidb";
    public static final String UUID_BOX = "uuid";
    public static final String SALT = "c2sh";

    /** The ISO 19566-5 pattern: a four-character code followed by 0011-0010-8000-00AA00389B71. */
    private static UUID fourCc(String code) {
        long high = 0;
        for (int i = 0; i < 4; i++) {
            high = (high << 8) | (code.charAt(i) & 0xFF);
        }
        return new UUID((high << 32) | 0x0011_0010L, 0x8000_00AA_0038_9B71L);
    }

    public static final UUID MANIFEST_STORE = fourCc("c2pa");
    public static final UUID MANIFEST = fourCc("c2ma");
    public static final UUID UPDATE_MANIFEST = fourCc("c2um");
    public static final UUID ASSERTION_STORE = fourCc("c2as");
    public static final UUID CLAIM = fourCc("c2cl");
    public static final UUID SIGNATURE = fourCc("c2cs");
    public static final UUID CREDENTIAL_STORE = fourCc("c2vc");
    public static final UUID DATABOXES = fourCc("c2db");
    public static final UUID CBOR_CONTENT = fourCc("cbor");
    public static final UUID JSON_CONTENT = fourCc("json");
    public static final UUID EMBEDDED_FILE = UUID.fromString("40cb0c32-bb8a-489d-a70b-2ad6f47f4369");
}
