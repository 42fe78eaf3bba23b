package io.assay.c2pa.embed;

import io.assay.c2pa.C2paException;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;

/**
 * PNG: the store is the data of a {@code caBX} chunk placed right after {@code IHDR}; the data hash excludes the
 * whole chunk (length, type, data and CRC).
 */
final class PngEmbedder implements Embedder {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    @Override
    public HardBinding binding() {
        return HardBinding.DATA;
    }

    @Override
    public byte[] strip(byte[] asset) throws C2paException {
        requireSignature(asset);
        ByteArrayOutputStream out = new ByteArrayOutputStream(asset.length);
        out.write(asset, 0, 8);
        long pos = 8;
        while (pos < asset.length) {
            long len = Bytes.u32(asset, pos);
            String type = Bytes.fourCc(asset, pos + 4);
            long end = pos + 12 + len;
            Bytes.check(asset, pos, end - pos);
            if (!type.equals("caBX")) {
                out.write(asset, (int) pos, (int) (end - pos));
            }
            pos = end;
            if (type.equals("IEND")) {
                out.write(asset, (int) pos, (int) (asset.length - pos));
                break;
            }
        }
        return out.toByteArray();
    }

    @Override
    public Placement embed(byte[] asset, byte[] store) throws C2paException {
        requireSignature(asset);
        if (!Bytes.fourCc(asset, 12).equals("IHDR")) {
            throw new C2paException("not a PNG file: the first chunk is not IHDR");
        }
        int insertAt = (int) (8 + 12 + Bytes.u32(asset, 8));
        Bytes.check(asset, 0, insertAt);
        byte[] chunk = new byte[12 + store.length];
        Bytes.putU32(chunk, 0, store.length);
        chunk[4] = 'c';
        chunk[5] = 'a';
        chunk[6] = 'B';
        chunk[7] = 'X';
        System.arraycopy(store, 0, chunk, 8, store.length);
        CRC32 crc = new CRC32();
        crc.update(chunk, 4, 4 + store.length);
        Bytes.putU32(chunk, 8 + store.length, crc.getValue());
        byte[] out = new byte[asset.length + chunk.length];
        System.arraycopy(asset, 0, out, 0, insertAt);
        System.arraycopy(chunk, 0, out, insertAt, chunk.length);
        System.arraycopy(asset, insertAt, out, insertAt + chunk.length, asset.length - insertAt);
        return new Placement(out, insertAt, chunk.length);
    }

    private static void requireSignature(byte[] asset) throws C2paException {
        if (asset.length < 8 + 12 || !java.util.Arrays.equals(asset, 0, 8, SIGNATURE, 0, 8)) {
            throw new C2paException("not a PNG file: bad signature");
        }
    }
}
