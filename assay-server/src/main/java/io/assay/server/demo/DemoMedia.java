package io.assay.server.demo;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Small pictures drawn at start-up and tagged with the metadata real tools write (XMP digital source types, a
 * Stable Diffusion web UI's parameters chunk), so that a demo server has something true to show without any
 * bundled media.
 */
final class DemoMedia {

    private DemoMedia() {
    }

    static byte[] picture(String format, Color from, Color to, long seed) {
        BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, from, 320, 240, to));
        g.fillRect(0, 0, 320, 240);
        java.util.Random r = new java.util.Random(seed);
        for (int i = 0; i < 12; i++) {
            g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256), 160));
            int s = 20 + r.nextInt(60);
            g.fillOval(r.nextInt(300), r.nextInt(220), s, s);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A PNG with a {@code tEXt} chunk inserted after IHDR. */
    static byte[] withPngText(byte[] png, String keyword, String text) {
        byte[] data = concat(keyword.getBytes(StandardCharsets.ISO_8859_1), new byte[]{0}, text.getBytes(StandardCharsets.ISO_8859_1));
        return insertAfterIhdr(png, chunk("tEXt", data));
    }

    /** A PNG carrying an XMP packet in an {@code iTXt} chunk, as XMP's PNG embedding specifies. */
    static byte[] withPngXmp(byte[] png, String xmp) {
        byte[] data = concat("XML:com.adobe.xmp".getBytes(StandardCharsets.ISO_8859_1), new byte[]{0, 0, 0, 0, 0},
                xmp.getBytes(StandardCharsets.UTF_8));
        return insertAfterIhdr(png, chunk("iTXt", data));
    }

    /** A JPEG carrying an XMP packet in an APP1 segment right after SOI. */
    static byte[] withJpegXmp(byte[] jpeg, String xmp) {
        byte[] payload = concat("http://ns.adobe.com/xap/1.0/".getBytes(StandardCharsets.ISO_8859_1), new byte[]{0},
                xmp.getBytes(StandardCharsets.UTF_8));
        ByteBuffer seg = ByteBuffer.allocate(4 + payload.length);
        seg.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (payload.length + 2)).put(payload);
        return concat(new byte[]{jpeg[0], jpeg[1]}, seg.array(), java.util.Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    static String xmpWithSourceType(String code) {
        return """
                <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
                <x:xmpmeta xmlns:x="adobe:ns:meta/">
                 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                  <rdf:Description rdf:about=""
                    xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
                    Iptc4xmpExt:DigitalSourceType="http://cv.iptc.org/newscodes/digitalsourcetype/%s"/>
                 </rdf:RDF>
                </x:xmpmeta>
                <?xpacket end="w"?>""".formatted(code);
    }

    private static byte[] insertAfterIhdr(byte[] png, byte[] chunk) {
        int ihdrEnd = 8 + 12 + 13; // signature, then IHDR: length, type, 13 bytes of data, CRC
        return concat(java.util.Arrays.copyOfRange(png, 0, ihdrEnd), chunk, java.util.Arrays.copyOfRange(png, ihdrEnd, png.length));
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(t).put(data).putInt((int) crc.getValue()).array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
