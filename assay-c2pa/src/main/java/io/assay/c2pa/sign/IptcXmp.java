package io.assay.c2pa.sign;

import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.adobe.internal.xmp.XMPMetaFactory;
import com.adobe.internal.xmp.options.SerializeOptions;
import io.assay.c2pa.C2paException;
import io.assay.core.evidence.DigitalSourceType;
import io.assay.core.media.MediaType;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Writes IPTC's {@code Iptc4xmpExt:DigitalSourceType} (and {@code dcterms:provenance}, the remote manifest URL) into
 * the XMP packet of a JPEG (APP1) or PNG ({@code iTXt} {@code XML:com.adobe.xmp}), merging with any XMP already
 * there, so that platforms that read only IPTC metadata label the asset too.
 */
final class IptcXmp {

    static final String IPTC_EXT = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/";
    static final String DCTERMS = "http://purl.org/dc/terms/";
    private static final byte[] JPEG_XMP_ID = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII);
    private static final String PNG_KEYWORD = "XML:com.adobe.xmp";
    private static final int MAX_JPEG_XMP = 0xFFFF - 2 - 29;

    private IptcXmp() {
    }

    /** The asset with the XMP written, or empty when the format has no XMP support here. */
    static Optional<byte[]> write(byte[] asset, MediaType type, DigitalSourceType source, String provenance)
            throws C2paException {
        return switch (type) {
            case JPEG -> Optional.of(jpeg(asset, source, provenance));
            case PNG -> Optional.of(png(asset, source, provenance));
            default -> Optional.empty();
        };
    }

    static byte[] packet(byte[] existing, DigitalSourceType source, String provenance) throws C2paException {
        try {
            XMPMetaFactory.getSchemaRegistry().registerNamespace(IPTC_EXT, "Iptc4xmpExt");
            XMPMetaFactory.getSchemaRegistry().registerNamespace(DCTERMS, "dcterms");
            XMPMeta meta = existing == null ? XMPMetaFactory.create() : XMPMetaFactory.parseFromBuffer(existing);
            meta.setProperty(IPTC_EXT, "DigitalSourceType", source.iri());
            if (provenance != null) {
                meta.setProperty(DCTERMS, "provenance", provenance);
            }
            return XMPMetaFactory.serializeToBuffer(meta, new SerializeOptions().setUseCompactFormat(true)
                    .setOmitPacketWrapper(false).setPadding(0));
        } catch (XMPException e) {
            throw new C2paException("the input's XMP cannot be read: " + e.getMessage());
        }
    }

    private static byte[] jpeg(byte[] b, DigitalSourceType source, String provenance) throws C2paException {
        int pos = 2;
        int insertAt = 2;
        byte[] existing = null;
        int existingStart = -1;
        int existingEnd = -1;
        boolean leading = true;
        while (pos + 4 <= b.length && (b[pos] & 0xFF) == 0xFF) {
            int marker = b[pos + 1] & 0xFF;
            if (marker == 0xDA || marker == 0xD9) {
                break;
            }
            int len = ((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF);
            int end = pos + 2 + len;
            if (len < 2 || end > b.length) {
                throw new C2paException("JPEG segment at offset " + pos + " runs past the end of the file");
            }
            boolean xmp = marker == 0xE1 && len - 2 >= JPEG_XMP_ID.length
                    && Arrays.equals(b, pos + 4, pos + 4 + JPEG_XMP_ID.length, JPEG_XMP_ID, 0, JPEG_XMP_ID.length);
            if (xmp && existing == null) {
                existing = Arrays.copyOfRange(b, pos + 4 + JPEG_XMP_ID.length, end);
                existingStart = pos;
                existingEnd = end;
            }
            if (leading && (marker == 0xE0 || (marker == 0xE1 && !xmp))) {
                insertAt = end;
            } else {
                leading = false;
            }
            pos = end;
        }
        byte[] packet = packet(existing, source, provenance);
        if (packet.length > MAX_JPEG_XMP) {
            throw new C2paException("the XMP packet is too large for one JPEG segment (extended XMP is not written)");
        }
        ByteArrayOutputStream seg = new ByteArrayOutputStream();
        int len = 2 + JPEG_XMP_ID.length + packet.length;
        seg.write(0xFF);
        seg.write(0xE1);
        seg.write(len >> 8);
        seg.write(len);
        seg.writeBytes(JPEG_XMP_ID);
        seg.writeBytes(packet);
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + seg.size());
        if (existingStart >= 0) {
            out.write(b, 0, existingStart);
            out.writeBytes(seg.toByteArray());
            out.write(b, existingEnd, b.length - existingEnd);
        } else {
            out.write(b, 0, insertAt);
            out.writeBytes(seg.toByteArray());
            out.write(b, insertAt, b.length - insertAt);
        }
        return out.toByteArray();
    }

    private static byte[] png(byte[] b, DigitalSourceType source, String provenance) throws C2paException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + 2048);
        out.write(b, 0, 8);
        byte[] existing = null;
        int pos = 8;
        int afterHeader = -1;
        ByteArrayOutputStream rest = new ByteArrayOutputStream(b.length);
        while (pos + 12 <= b.length) {
            long len = ((long) (b[pos] & 0xFF) << 24) | ((b[pos + 1] & 0xFF) << 16) | ((b[pos + 2] & 0xFF) << 8)
                    | (b[pos + 3] & 0xFF);
            String type = new String(b, pos + 4, 4, StandardCharsets.ISO_8859_1);
            long end = pos + 12 + len;
            if (end > b.length) {
                throw new C2paException("PNG chunk " + type + " at offset " + pos + " runs past the end of the file");
            }
            byte[] keyword = (PNG_KEYWORD + "\0").getBytes(StandardCharsets.ISO_8859_1);
            boolean xmp = type.equals("iTXt") && len > keyword.length
                    && Arrays.equals(b, pos + 8, pos + 8 + keyword.length, keyword, 0, keyword.length);
            if (xmp && existing == null) {
                existing = itxtText(b, pos + 8, (int) len);
            } else if (type.equals("IHDR")) {
                out.write(b, pos, (int) (end - pos));
                afterHeader = pos;
            } else if (!xmp) {
                rest.write(b, pos, (int) (end - pos));
            }
            pos = (int) end;
        }
        if (afterHeader < 0) {
            throw new C2paException("not a PNG file: no IHDR chunk");
        }
        rest.write(b, pos, b.length - pos);
        byte[] packet = packet(existing, source, provenance);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(PNG_KEYWORD.getBytes(StandardCharsets.ISO_8859_1));
        data.writeBytes(new byte[]{0, 0, 0, 0, 0}); // NUL, uncompressed, method 0, empty language and translation
        data.writeBytes(packet);
        byte[] d = data.toByteArray();
        byte[] chunk = new byte[12 + d.length];
        chunk[0] = (byte) (d.length >>> 24);
        chunk[1] = (byte) (d.length >>> 16);
        chunk[2] = (byte) (d.length >>> 8);
        chunk[3] = (byte) d.length;
        System.arraycopy("iTXt".getBytes(StandardCharsets.ISO_8859_1), 0, chunk, 4, 4);
        System.arraycopy(d, 0, chunk, 8, d.length);
        CRC32 crc = new CRC32();
        crc.update(chunk, 4, 4 + d.length);
        long c = crc.getValue();
        chunk[8 + d.length] = (byte) (c >>> 24);
        chunk[9 + d.length] = (byte) (c >>> 16);
        chunk[10 + d.length] = (byte) (c >>> 8);
        chunk[11 + d.length] = (byte) c;
        out.writeBytes(chunk);
        out.writeBytes(rest.toByteArray());
        return out.toByteArray();
    }

    /** The text of an uncompressed iTXt chunk; a compressed XMP chunk is replaced, not merged. */
    private static byte[] itxtText(byte[] b, int data, int len) {
        int p = data + PNG_KEYWORD.length() + 1;
        if (p + 2 > data + len || b[p] != 0) {
            return null;
        }
        p += 2;
        for (int nul = 0; nul < 2; nul++) {
            while (p < data + len && b[p] != 0) {
                p++;
            }
            p++;
        }
        return p <= data + len ? Arrays.copyOfRange(b, p, data + len) : null;
    }
}
