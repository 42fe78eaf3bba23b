package io.assay.c2pa.validation.binding;

import com.upokecenter.cbor.CBORObject;
import io.assay.c2pa.C2paContents;
import io.assay.c2pa.C2paException;
import io.assay.c2pa.C2paReader;
import io.assay.c2pa.container.ByteRange;
import io.assay.c2pa.manifest.HashAlgorithm;
import io.assay.c2pa.validation.StatusKind;
import io.assay.c2pa.validation.ValidationLog;
import io.assay.c2pa.validation.ValidationStatus;
import io.assay.core.media.AssetLimits;
import io.assay.core.media.MediaAsset;
import io.assay.core.media.MediaType;
import io.assay.core.testing.SharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hard bindings on corpus assets altered in memory: what is covered, what is excluded, and why a hash fails. */
class HardBindingTest {

    private final HardBindingCheck check = new HardBindingCheck();

    private static byte[] corpus(String name) throws Exception {
        return Files.readAllBytes(SharedCorpus.corpus("c2pa/assets").resolve(name));
    }

    private static MediaAsset asset(String name, byte[] bytes) throws Exception {
        return MediaAsset.of(name, bytes, AssetLimits.DEFAULT);
    }

    private ValidationLog validate(MediaAsset asset) throws Exception {
        return validate(C2paReader.inspect(asset), asset);
    }

    private ValidationLog validate(C2paContents contents, MediaAsset asset) {
        ValidationLog log = new ValidationLog();
        check.check(contents, contents.store().orElseThrow().activeManifest(), asset, log);
        return log;
    }

    private static List<String> codes(ValidationLog log, StatusKind kind) {
        return log.of(kind).stream().map(ValidationStatus::code).filter(c -> !c.startsWith("assertion.hashedURI"))
                .toList();
    }

    private static String explanation(ValidationLog log, String code) {
        return log.statuses().stream().filter(s -> s.code().equals(code)).map(ValidationStatus::explanation)
                .findFirst().orElse("");
    }

    // ---------------------------------------------------------------- data hash

    @Test
    void aByteChangedInsideTheDataHashExclusionKeepsTheMatch() throws Exception {
        byte[] bytes = corpus("gen-ai-es256.jpg");
        ByteRange store = C2paReader.inspect(asset("a.jpg", bytes)).storeSpan().orElseThrow();
        // the store ends with the active manifest's signature: its last byte is signature, not structure
        bytes[(int) store.end() - 1] ^= 0x01;
        ValidationLog log = validate(asset("a.jpg", bytes));
        assertThat(codes(log, StatusKind.SUCCESS)).containsExactly(HardBindingCheck.DATA_HASH_MATCH);
        assertThat(codes(log, StatusKind.FAILURE)).isEmpty();
    }

    @Test
    void aByteChangedInTheImageDataIsAMismatch() throws Exception {
        byte[] bytes = corpus("gen-ai-es256.jpg");
        ByteRange store = C2paReader.inspect(asset("a.jpg", bytes)).storeSpan().orElseThrow();
        int at = bytes.length - 1000;
        assertThat((long) at).isGreaterThan(store.end());
        bytes[at] ^= 0x01;
        ValidationLog log = validate(asset("a.jpg", bytes));
        assertThat(codes(log, StatusKind.FAILURE)).containsExactly(HardBindingCheck.DATA_HASH_MISMATCH);
        assertThat(explanation(log, HardBindingCheck.DATA_HASH_MISMATCH)).contains("do not match");
        assertThat(codes(log, StatusKind.SUCCESS)).isEmpty();
    }

    @Test
    void anExclusionThatDoesNotCoverTheStoreIsAFailure() throws Exception {
        MediaAsset asset = asset("a.jpg", corpus("gen-ai-es256.jpg"));
        C2paContents real = C2paReader.inspect(asset);
        ByteRange store = real.storeSpan().orElseThrow();
        // the same assertion against a store said to sit one byte later: the exclusion no longer covers it
        C2paContents moved = new C2paContents(real.store(), real.remoteManifestUrls(),
                List.of(new ByteRange(store.offset() + 1, store.length())));
        ValidationLog log = validate(moved, asset);
        assertThat(codes(log, StatusKind.FAILURE)).containsExactly(HardBindingCheck.DATA_HASH_MISMATCH);
        assertThat(explanation(log, HardBindingCheck.DATA_HASH_MISMATCH)).contains("manifest location");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gen-ai-es256.webp", "gen-ai-es256.wav", "gen-ai-es256.gif", "gen-ai-es256.mp3",
            "gen-ai-es256.tif", "gen-ai-es256.svg", "gen-ai-es256.pdf", "gen-ai-es256.png", "gen-ai-es256.jpg"})
    void everyContainerRecordsWhereItsStoreIs(String name) throws Exception {
        MediaAsset asset = asset(name, corpus(name));
        C2paContents contents = C2paReader.inspect(asset);
        assertThat(contents.storeSpan()).isPresent();
        ValidationLog log = validate(contents, asset);
        assertThat(codes(log, StatusKind.SUCCESS)).containsExactly(HardBindingCheck.DATA_HASH_MATCH);
        assertThat(codes(log, StatusKind.FAILURE)).isEmpty();
    }

    // ---------------------------------------------------------------- BMFF hash

    @Test
    void aByteChangedInMdatIsABmffMismatch() throws Exception {
        byte[] bytes = corpus("gen-ai-es256.mp4");
        assertThat(codes(validate(asset("a.mp4", bytes)), StatusKind.SUCCESS))
                .containsExactly(HardBindingCheck.BMFF_HASH_MATCH);
        BmffBoxes.Box mdat;
        try (SeekableByteChannel ch = asset("a.mp4", bytes).openChannel()) {
            mdat = BmffBoxes.read(ch).stream().filter(b -> b.path().equals("/mdat")).findFirst().orElseThrow();
        }
        bytes[(int) (mdat.offset() + mdat.size() / 2)] ^= 0x01;
        ValidationLog log = validate(asset("a.mp4", bytes));
        assertThat(codes(log, StatusKind.FAILURE)).containsExactly(HardBindingCheck.BMFF_HASH_MISMATCH);
        assertThat(explanation(log, HardBindingCheck.BMFF_HASH_MISMATCH)).contains("hash mismatch");
    }

    @Test
    void anInitHashOnAnUnfragmentedFileIsAMismatchForThatReason() throws Exception {
        ValidationLog log = validate(asset("rs-dashinit.mp4", corpus("rs-dashinit.mp4")));
        assertThat(codes(log, StatusKind.FAILURE)).containsExactly(HardBindingCheck.BMFF_HASH_MISMATCH);
        assertThat(explanation(log, HardBindingCheck.BMFF_HASH_MISMATCH))
                .contains("inithash must not be present for non-fragmented media");
    }

    @Test
    void tooDeeplyNestedBoxesAndTooManyTiffSubfilesAreRefusedQuickly() throws Exception {
        for (String name : List.of("rs-nested_moov_1000.mp4", "rs-tiff_poc.tiff")) {
            MediaAsset asset = asset(name, corpus(name));
            long t = System.nanoTime();
            assertThatThrownBy(() -> C2paReader.inspect(asset)).isInstanceOf(C2paException.class)
                    .hasMessageContaining(name.endsWith(".mp4") ? "too deeply nested" : "too many subfiles");
            assertThat(System.nanoTime() - t).isLessThan(1_000_000_000L);
        }
    }

    // ---------------------------------------------------------------- Merkle trees

    private static byte[] sha(byte[]... parts) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        for (byte[] p : parts) {
            d.update(p);
        }
        return d.digest();
    }

    @Test
    void merkleProofsClimbToTheStoredRow() throws Exception {
        HashAlgorithm alg = HashAlgorithm.of("sha256").orElseThrow();
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            leaves.add(sha(new byte[]{(byte) i}));
        }
        // layers 5 -> 3 -> 2 -> 1; the odd last node is carried up unhashed
        byte[] n01 = sha(leaves.get(0), leaves.get(1));
        byte[] n23 = sha(leaves.get(2), leaves.get(3));
        byte[] n0123 = sha(n01, n23);
        byte[] root = sha(n0123, leaves.get(4));
        assertThat(BmffMerkle.root(alg, leaves)).isEqualTo(root);
        for (int n = 1; n <= 40; n++) {
            List<byte[]> some = new ArrayList<>();
            BmffMerkle.StreamingRoot streaming = new BmffMerkle.StreamingRoot(alg);
            for (int i = 0; i < n; i++) {
                some.add(sha(new byte[]{(byte) i, 7}));
                streaming.add(some.getLast());
            }
            assertThat(streaming.root()).as("%d leaves", n).isEqualTo(BmffMerkle.root(alg, some));
        }
        assertThat(BmffMerkle.layout(5)).containsExactly(5, 3, 2, 1);

        BmffMerkle.MerkleMap rootOnly = new BmffMerkle.MerkleMap(0, 0, 5, Optional.of("sha256"), Optional.empty(),
                List.of(root), Optional.empty(), Optional.empty());
        // leaf 2: sibling leaf 3 (right), then n01 (left), then leaf 4 (right)
        assertThat(BmffMerkle.checkTree(rootOnly, alg, leaves.get(2), 2,
                Optional.of(List.of(leaves.get(3), n01, leaves.get(4))))).isTrue();
        // leaf 4 has no sibling until the top: only n0123
        assertThat(BmffMerkle.checkTree(rootOnly, alg, leaves.get(4), 4, Optional.of(List.of(n0123)))).isTrue();
        assertThat(BmffMerkle.checkTree(rootOnly, alg, leaves.get(2), 3,
                Optional.of(List.of(leaves.get(3), n01, leaves.get(4))))).isFalse();
        assertThat(BmffMerkle.checkTree(rootOnly, alg, leaves.get(2), 2, Optional.of(List.of(leaves.get(3)))))
                .isFalse();

        BmffMerkle.MerkleMap leafRow = new BmffMerkle.MerkleMap(0, 0, 5, Optional.empty(), Optional.empty(), leaves,
                Optional.empty(), Optional.empty());
        assertThat(BmffMerkle.checkTree(leafRow, alg, leaves.get(3), 3, Optional.empty())).isTrue();
        assertThat(BmffMerkle.checkTree(leafRow, alg, leaves.get(3), 2, Optional.empty())).isFalse();
        assertThat(BmffMerkle.checkTree(leafRow, alg, leaves.get(3), 5, Optional.empty())).isFalse();
    }

    private static final byte[] C2PA_UUID = {(byte) 0xd8, (byte) 0xfe, (byte) 0xc3, (byte) 0xd6, 0x1b, 0x0e, 0x48,
            0x3c, (byte) 0x92, (byte) 0x97, 0x58, 0x28, (byte) 0x87, 0x7e, (byte) 0xc4, (byte) 0x81};

    private static byte[] box(String type, byte[] body) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 + body.length);
        b.putInt(8 + body.length).put(type.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).put(body);
        return b.array();
    }

    private static byte[] merkleBox(int location, List<byte[]> proof) {
        CBORObject m = CBORObject.NewMap().Add("uniqueId", 1).Add("localId", 1).Add("location", location);
        CBORObject h = CBORObject.NewArray();
        proof.forEach(x -> h.Add(CBORObject.FromObject(x)));
        m.Add("hashes", h);
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(C2PA_UUID);
        body.writeBytes(new byte[4]);
        body.writeBytes("merkle\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        body.writeBytes(m.EncodeToBytes());
        body.writeBytes(new byte[3]); // zero padding after the map is allowed
        return box("uuid", body.toByteArray());
    }

    @Test
    void fragmentsAreCheckedThroughTheirMerkleBoxes() throws Exception {
        HashAlgorithm alg = HashAlgorithm.of("sha256").orElseThrow();
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        file.writeBytes(box("ftyp", "isom\0\0\0\0isom".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        file.writeBytes(box("moov", new byte[0]));
        List<byte[]> fragments = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            byte[] moof = box("moof", new byte[]{(byte) i, 1, 2, 3});
            byte[] mdat = box("mdat", ("fragment " + i).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] both = Arrays.copyOf(moof, moof.length + mdat.length);
            System.arraycopy(mdat, 0, both, moof.length, mdat.length);
            fragments.add(both);
        }
        List<byte[]> leaves = new ArrayList<>();
        for (byte[] f : fragments) {
            leaves.add(sha(f));
        }
        byte[] n01 = sha(leaves.get(0), leaves.get(1));
        byte[] root = sha(n01, leaves.get(2));
        List<List<byte[]>> proofs = List.of(List.of(leaves.get(1), leaves.get(2)), List.of(leaves.get(0),
                leaves.get(2)), List.of(n01));
        List<RangeHasher.Exclusion> exclusions = new ArrayList<>();
        int[] starts = new int[3];
        for (int i = 0; i < 3; i++) {
            starts[i] = file.size();
            file.writeBytes(fragments.get(i));
            byte[] mb = merkleBox(i, proofs.get(i));
            exclusions.add(new RangeHasher.Exclusion(file.size(), mb.length));
            file.writeBytes(mb);
        }
        byte[] bytes = file.toByteArray();
        BmffMerkle.MerkleMap map = new BmffMerkle.MerkleMap(1, 1, 3, Optional.of("sha256"), Optional.empty(),
                List.of(root), Optional.empty(), Optional.empty());
        try (SeekableByteChannel ch = asset("f.mp4", bytes).openChannel()) {
            BmffMerkle.verify(List.of(map), Optional.empty(), ch, BmffBoxes.read(ch), exclusions, List.of());
        }
        bytes[bytes.length - 5] ^= 0x01; // inside an excluded merkle box's padding: still valid
        try (SeekableByteChannel ch = asset("f.mp4", bytes).openChannel()) {
            BmffMerkle.verify(List.of(map), Optional.empty(), ch, BmffBoxes.read(ch), exclusions, List.of());
        }
        bytes[starts[1] + fragments.get(1).length - 1] ^= 0x01; // last byte of the second fragment's mdat
        try (SeekableByteChannel ch = asset("f.mp4", bytes).openChannel()) {
            assertThatThrownBy(() -> BmffMerkle.verify(List.of(map), Optional.empty(), ch, BmffBoxes.read(ch),
                    exclusions, List.of())).isInstanceOf(BindingException.class).hasMessageContaining("fragment 2");
        }
        BmffMerkle.MerkleMap twoFragments = new BmffMerkle.MerkleMap(1, 1, 2, Optional.of("sha256"), Optional.empty(),
                List.of(root), Optional.empty(), Optional.empty());
        try (SeekableByteChannel ch = asset("f.mp4", bytes).openChannel()) {
            assertThatThrownBy(() -> BmffMerkle.verify(List.of(twoFragments), Optional.empty(), ch,
                    BmffBoxes.read(ch), exclusions, List.of())).isInstanceOf(BindingException.class)
                    .hasMessageContaining("incorrect number of fragment hashes");
        }
    }

    private static byte[] fullBox(String type, byte[]... parts) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.writeBytes(new byte[4]); // version 0, flags 0
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return box(type, b.toByteArray());
    }

    private static byte[] u32(long... values) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * values.length);
        for (long v : values) {
            b.putInt((int) v);
        }
        return b.array();
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    @Test
    void timedMediaLeavesAreTheSamplesOfEachChunk() throws Exception {
        // one track (id 7) of five samples, two per chunk: chunks [1,2] [3,4] [5]
        byte[][] samples = new byte[5][];
        for (int i = 0; i < 5; i++) {
            samples[i] = new byte[3 + i];
            Arrays.fill(samples[i], (byte) ('a' + i));
        }
        byte[] ftyp = box("ftyp", "isom\0\0\0\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        java.util.function.IntFunction<byte[]> moovFor = base -> {
            byte[] tkhd = fullBox("tkhd", u32(0, 0, 7, 0, 0), new byte[60]);
            byte[] stsc = fullBox("stsc", u32(1, 1, 2, 1));
            byte[] stco = fullBox("stco", u32(3, base, base + 7, base + 7 + 11));
            byte[] stsz = fullBox("stsz", u32(0, 5, 3, 4, 5, 6, 7));
            byte[] stbl = box("stbl", concat(stsc, stco, stsz));
            return box("moov", box("trak", concat(tkhd, box("mdia", box("minf", stbl)))));
        };
        int moovSize = moovFor.apply(0).length;
        int dataStart = ftyp.length + moovSize + 8;
        byte[] mdat = box("mdat", concat(samples));
        byte[][] leaves = {sha(samples[0], samples[1]), sha(samples[2], samples[3]), sha(samples[4])};
        byte[] n01 = sha(leaves[0], leaves[1]);
        byte[] root = sha(n01, leaves[2]);
        List<List<byte[]>> proofs = List.of(List.of(leaves[1], leaves[2]), List.of(leaves[0], leaves[2]),
                List.of(n01));
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        file.writeBytes(ftyp);
        file.writeBytes(moovFor.apply(dataStart));
        file.writeBytes(mdat);
        List<RangeHasher.Exclusion> exclusions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            byte[] mb = merkleBox(i, proofs.get(i));
            exclusions.add(new RangeHasher.Exclusion(file.size(), mb.length));
            file.writeBytes(mb);
        }
        byte[] bytes = file.toByteArray();
        BmffMerkle.MerkleMap map = new BmffMerkle.MerkleMap(1, 7, 3, Optional.empty(), Optional.empty(),
                List.of(root), Optional.empty(), Optional.empty());
        try (SeekableByteChannel ch = asset("t.mp4", bytes).openChannel()) {
            BmffMerkle.verify(List.of(map), Optional.of("sha256"), ch, BmffBoxes.read(ch), exclusions, List.of());
        }
        BmffMerkle.MerkleMap otherTrack = new BmffMerkle.MerkleMap(1, 8, 3, Optional.empty(), Optional.empty(),
                List.of(root), Optional.empty(), Optional.empty());
        try (SeekableByteChannel ch = asset("t.mp4", bytes).openChannel()) {
            assertThatThrownBy(() -> BmffMerkle.verify(List.of(otherTrack), Optional.of("sha256"), ch,
                    BmffBoxes.read(ch), exclusions, List.of())).isInstanceOf(BindingException.class)
                    .hasMessageContaining("no track 8");
        }
        bytes[dataStart + 3 + 4 + 1] ^= 0x01; // inside sample 3: chunk 2
        try (SeekableByteChannel ch = asset("t.mp4", bytes).openChannel()) {
            assertThatThrownBy(() -> BmffMerkle.verify(List.of(map), Optional.of("sha256"), ch, BmffBoxes.read(ch),
                    exclusions, List.of())).isInstanceOf(BindingException.class).hasMessageContaining("chunk 2");
        }
    }

    // ---------------------------------------------------------------- box hash

    private static CBORObject entry(List<String> names, byte[] hash) {
        CBORObject e = CBORObject.NewMap();
        CBORObject n = CBORObject.NewArray();
        names.forEach(x -> n.Add(CBORObject.FromObject(x)));
        e.Add("names", n);
        e.Add("alg", "sha256");
        e.Add("hash", CBORObject.FromObject(hash));
        e.Add("pad", CBORObject.FromObject(new byte[0]));
        return e;
    }

    /**
     * The minimal form of a box hash, computed independently of the division under test: the bytes before the
     * store's box, the store's box (not hashed), the bytes after it.
     */
    private static CBORObject minimalBoxHash(List<BoxHashes.Box> boxes, byte[] file) throws Exception {
        int c2pa = -1;
        for (int i = 0; i < boxes.size(); i++) {
            if (boxes.get(i).name().equals(BoxHashes.C2PA_BOX)) {
                c2pa = i;
            }
        }
        BoxHashes.Box store = boxes.get(c2pa);
        List<String> before = boxes.subList(0, c2pa).stream().map(BoxHashes.Box::name).toList();
        List<String> after = boxes.subList(c2pa + 1, boxes.size()).stream().map(BoxHashes.Box::name).toList();
        BoxHashes.Box last = boxes.getLast();
        CBORObject list = CBORObject.NewArray();
        list.Add(entry(before, sha(Arrays.copyOfRange(file, 0, (int) store.start()))));
        list.Add(entry(List.of(BoxHashes.C2PA_BOX), new byte[]{0}));
        list.Add(entry(after, sha(Arrays.copyOfRange(file, (int) (store.start() + store.length()),
                (int) (last.start() + last.length())))));
        return CBORObject.NewMap().Add("boxes", list);
    }

    private static void verifyBoxes(CBORObject data, MediaType type, byte[] file) throws Exception {
        try (SeekableByteChannel ch = asset("a." + type.name().toLowerCase(java.util.Locale.ROOT), file)
                .openChannel()) {
            BoxHashes.verify(data, "sha256", type, ch);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gen-ai-es256.jpg", "gen-ai-es256.png", "rs-CA.jpg", "gen-ai-es256.gif"})
    void boxHashesCoverEverythingButTheStore(String name) throws Exception {
        byte[] file = corpus(name);
        MediaType type = name.endsWith(".png") ? MediaType.PNG : name.endsWith(".gif") ? MediaType.GIF
                : MediaType.JPEG;
        List<BoxHashes.Box> boxes;
        try (SeekableByteChannel ch = asset(name, file).openChannel()) {
            boxes = BoxHashes.divide(type, ch);
        }
        // the boxes tile the file and the store's box is where the container says the store is
        long pos = 0;
        for (BoxHashes.Box b : boxes) {
            if (!b.name().startsWith("RST")) {
                assertThat(b.start()).as(b.name()).isEqualTo(pos);
                pos = b.start() + b.length();
            }
        }
        assertThat(pos).isEqualTo(file.length);
        ByteRange store = C2paReader.inspect(asset(name, file)).storeSpan().orElseThrow();
        BoxHashes.Box c2pa = boxes.stream().filter(b -> b.name().equals(BoxHashes.C2PA_BOX)).findFirst().orElseThrow();
        assertThat(new ByteRange(c2pa.start(), c2pa.length())).isEqualTo(store);

        CBORObject data = minimalBoxHash(boxes, file);
        verifyBoxes(data, type, file);

        byte[] insideStore = file.clone();
        insideStore[(int) (store.offset() + store.length() / 2)] ^= 0x01;
        verifyBoxes(data, type, insideStore);

        byte[] outside = file.clone();
        outside[file.length - 20] ^= 0x01;
        assertThatThrownBy(() -> verifyBoxes(data, type, outside)).isInstanceOf(BindingException.class)
                .hasMessageContaining("do not match");

        CBORObject renamed = minimalBoxHash(boxes, file);
        renamed.get("boxes").get(0).get("names").set(0, CBORObject.FromObject("XXXX"));
        assertThatThrownBy(() -> verifyBoxes(renamed, type, file)).isInstanceOf(BindingException.class)
                .hasMessageContaining("unknownBox");
    }
}
