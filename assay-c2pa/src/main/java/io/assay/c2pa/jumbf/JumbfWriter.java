package io.assay.c2pa.jumbf;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Serializes JUMBF boxes (ISO 19566-5) the way C2PA stores them: 32-bit box lengths, a description box with the
 * requestable and label toggles, and optionally a {@code c2sh} salt as the description's private box. Every method
 * returns the whole box, header included, so boxes compose by concatenation.
 */
public final class JumbfWriter {

    /** Largest box this writer makes; JUMBF in C2PA uses 32-bit lengths. */
    static final long MAX_BOX = 0xFFFF_FFFFL;

    private JumbfWriter() {
    }

    /** A superbox: description ({@code type}, {@code label}, optional salt) followed by {@code children}. */
    public static byte[] superBox(UUID type, String label, byte[] salt, List<byte[]> children) {
        byte[] description = description(type, label, salt);
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes(description);
        for (byte[] child : children) {
            payload.writeBytes(child);
        }
        return box(JumbfTypes.SUPERBOX, payload.toByteArray());
    }

    /** A content box such as {@code cbor}, {@code json}, {@code bfdb} or {@code bidb}. */
    public static byte[] contentBox(String type, byte[] payload) {
        return box(type, payload);
    }

    /** Any box: 4-byte big-endian length, 4-character type, payload. */
    public static byte[] box(String type, byte[] payload) {
        if (type.length() != 4) {
            throw new IllegalArgumentException("a box type has four characters: " + type);
        }
        long length = 8L + payload.length;
        if (length > MAX_BOX) {
            throw new IllegalArgumentException("box too large: " + length + " bytes");
        }
        ByteBuffer b = ByteBuffer.allocate((int) length);
        b.putInt((int) length);
        b.put(type.getBytes(StandardCharsets.ISO_8859_1));
        b.put(payload);
        return b.array();
    }

    /** The {@code jumd} description box: requestable, labelled, with a {@code c2sh} private box when salted. */
    static byte[] description(UUID type, String label, byte[] salt) {
        if (label.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a JUMBF label cannot contain NUL");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer uuid = ByteBuffer.allocate(16).putLong(type.getMostSignificantBits())
                .putLong(type.getLeastSignificantBits());
        out.writeBytes(uuid.array());
        int toggles = JumbfDescription.REQUESTABLE | JumbfDescription.HAS_LABEL;
        if (salt != null) {
            toggles |= JumbfDescription.HAS_PRIVATE;
        }
        out.write(toggles);
        out.writeBytes(label.getBytes(StandardCharsets.UTF_8));
        out.write(0);
        if (salt != null) {
            out.writeBytes(box(JumbfTypes.SALT, salt));
        }
        return box(JumbfTypes.DESCRIPTION, out.toByteArray());
    }

    /** The bytes a hashed URI covers: the superbox without its own 8-byte header. */
    public static byte[] contents(byte[] superBox) {
        return java.util.Arrays.copyOfRange(superBox, 8, superBox.length);
    }
}
