package io.assay.exchange.provenance;

import java.util.Base64;
import java.util.regex.Pattern;

/** base64url without padding (RFC 7515 §2), strict on input. */
final class Base64Url {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]*");

    private Base64Url() {
    }

    static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Decodes, or throws IllegalArgumentException for padding, other alphabets or impossible lengths. */
    static byte[] decode(String text) {
        if (!FORM.matcher(text).matches() || text.length() % 4 == 1) {
            throw new IllegalArgumentException("not base64url without padding");
        }
        return Base64.getUrlDecoder().decode(text);
    }
}
