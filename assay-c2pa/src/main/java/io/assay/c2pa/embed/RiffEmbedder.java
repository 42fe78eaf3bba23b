package io.assay.c2pa.embed;

import io.assay.c2pa.C2paException;

import java.io.ByteArrayOutputStream;

/**
 * RIFF (WAV, WebP): the store is a top-level {@code C2PA} chunk appended after the others, and the RIFF size is
 * updated. The data hash excludes the chunk's header and data; the pad byte of an odd-length chunk stays hashed.
 */
final class RiffEmbedder implements Embedder {

    private final String form;

    RiffEmbedder(String form) {
        this.form = form;
    }

    @Override
    public HardBinding binding() {
        return HardBinding.DATA;
    }

    @Override
    public byte[] strip(byte[] asset) throws C2paException {
        int end = requireRiff(asset);
        ByteArrayOutputStream out = new ByteArrayOutputStream(asset.length);
        out.write(asset, 0, 12);
        long pos = 12;
        while (pos + 8 <= end) {
            String id = Bytes.fourCc(asset, pos);
            long size = Bytes.u32le(asset, pos + 4);
            long next = pos + 8 + size + (size & 1);
            if (next > end) {
                if (pos + 8 + size > end) {
                    throw new C2paException("RIFF chunk " + id + " at offset " + pos + " runs past the end of the file");
                }
                next = end; // a missing final pad byte is common and harmless
            }
            if (!id.equals("C2PA")) {
                out.write(asset, (int) pos, (int) (next - pos));
            }
            pos = next;
        }
        byte[] b = out.toByteArray();
        Bytes.putU32le(b, 4, b.length - 8L);
        return b;
    }

    @Override
    public Placement embed(byte[] asset, byte[] store) throws C2paException {
        int riffEnd = requireRiff(asset);
        int end = riffEnd + (riffEnd & 1); // chunks start at even offsets: restore a missing pad byte
        boolean pad = (store.length & 1) == 1;
        long total = (long) end + 8 + store.length + (pad ? 1 : 0);
        if (total - 8 > 0xFFFF_FFFFL || total > Integer.MAX_VALUE - 8) {
            throw new C2paException("the file would exceed the 4 GiB RIFF limit");
        }
        byte[] out = new byte[(int) total];
        System.arraycopy(asset, 0, out, 0, riffEnd);
        out[end] = 'C';
        out[end + 1] = '2';
        out[end + 2] = 'P';
        out[end + 3] = 'A';
        Bytes.putU32le(out, end + 4, store.length);
        System.arraycopy(store, 0, out, end + 8, store.length);
        Bytes.putU32le(out, 4, total - 8);
        return new Placement(out, end, 8L + store.length);
    }

    /** Checks the RIFF header and returns where the RIFF data ends (trailing garbage is dropped). */
    private int requireRiff(byte[] asset) throws C2paException {
        if (asset.length < 12 || !Bytes.fourCc(asset, 0).equals("RIFF") || !Bytes.fourCc(asset, 8).equals(form)) {
            throw new C2paException("not a RIFF " + form + " file");
        }
        long end = 8 + Bytes.u32le(asset, 4);
        if (end > asset.length) {
            throw new C2paException("the RIFF size (" + (end - 8) + ") runs past the end of the file");
        }
        return (int) end;
    }
}
