package io.assay.exchange.stix;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;
import java.util.regex.Pattern;

/** STIX identifiers: {@code type--UUID}. */
public final class StixIds {

    /** STIX 2.1 §2.9: type names are 3 to 250 characters of a-z, 0-9 and hyphen, no double hyphen. */
    private static final Pattern TYPE = Pattern.compile("[a-z0-9](?:[a-z0-9]|-(?!-)){1,248}[a-z0-9]");
    /** RFC 4122 UUID: version 1 to 5, variant 10xx. */
    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}");
    /** The namespace STIX 2.1 §2.9 fixes for deterministic (UUIDv5) SCO ids. */
    public static final UUID SCO_NAMESPACE = UUID.fromString("00abedb4-aa42-466c-9c01-fed23315a9b7");

    private StixIds() {
    }

    /** A fresh id with a random (version 4) UUID, as the spec recommends for SDOs, SROs and meta objects. */
    public static String random(String type) {
        return type + "--" + UUID.randomUUID();
    }

    /** A version 5 UUID id in the STIX SCO namespace over the canonical JSON of the SCO's id-contributing properties. */
    public static String sco(String type, String canonicalIdContributingJson) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            long msb = SCO_NAMESPACE.getMostSignificantBits();
            long lsb = SCO_NAMESPACE.getLeastSignificantBits();
            for (int i = 7; i >= 0; i--) {
                sha1.update((byte) (msb >>> (8 * i)));
            }
            for (int i = 7; i >= 0; i--) {
                sha1.update((byte) (lsb >>> (8 * i)));
            }
            byte[] hash = sha1.digest(canonicalIdContributingJson.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            long hi = 0;
            long lo = 0;
            for (int i = 0; i < 8; i++) {
                hi = (hi << 8) | (hash[i] & 0xff);
                lo = (lo << 8) | (hash[8 + i] & 0xff);
            }
            return type + "--" + new UUID(hi, lo);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    public static boolean isValidType(String type) {
        return type != null && TYPE.matcher(type).matches();
    }

    /** Whether the id is {@code type--UUID} with an RFC 4122 UUID and, when expectedType is given, that type. */
    public static boolean isValid(String id, String expectedType) {
        if (id == null) {
            return false;
        }
        int sep = id.indexOf("--");
        if (sep < 0) {
            return false;
        }
        // the type part may itself hold single hyphens; the UUID never holds "--"
        int last = id.lastIndexOf("--");
        String type = id.substring(0, last);
        String uuid = id.substring(last + 2);
        return isValidType(type) && UUID_FORM.matcher(uuid).matches()
                && (expectedType == null || expectedType.equals(type));
    }

    /** The type part of an id, or null when it has none. */
    public static String typeOf(String id) {
        if (id == null) {
            return null;
        }
        int last = id.lastIndexOf("--");
        return last > 0 ? id.substring(0, last) : null;
    }
}
