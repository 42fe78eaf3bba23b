package io.assay.c2pa.validation.binding;

import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;
import io.assay.c2pa.C2paContents;
import io.assay.c2pa.C2paException;
import io.assay.c2pa.container.ByteRange;
import io.assay.c2pa.manifest.Assertion;
import io.assay.c2pa.manifest.Cbor;
import io.assay.c2pa.manifest.HashAlgorithm;
import io.assay.c2pa.manifest.HashedUri;
import io.assay.c2pa.manifest.Ingredient;
import io.assay.c2pa.manifest.Manifest;
import io.assay.c2pa.manifest.ManifestStore;
import io.assay.c2pa.validation.BindingCheck;
import io.assay.c2pa.validation.ValidationLog;
import io.assay.core.media.MediaAsset;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The binding check of C2PA validation, as the reference (c2pa-rs) performs it: the hashed URI of every assertion the
 * claim references, then the one hard binding ({@code c2pa.hash.data}, {@code c2pa.hash.bmff} v2/v3 with its Merkle
 * trees ({@link BmffMerkle}), {@code c2pa.hash.boxes} ({@link BoxHashes}: JPEG, PNG, GIF)) recomputed over the asset,
 * read through its channel with a fixed buffer. For an update manifest the hard binding is that of the manifest it
 * updates. Stateless and thread-safe.
 * <p>
 * A hash this implementation cannot compute is never reported as a match or a mismatch: a box hash on a container
 * whose box division is not implemented (formats the reference does not box-hash either) and a Merkle tree
 * over a sample table this implementation does not follow are logged as {@code algorithm.unsupported} failures (the
 * spec's code for an algorithm, here the hashing method, the validator does not support), whose explanation says the
 * hash was not checked. The reference reports {@code assertion.boxesHash.mismatch} ("Box hash not supported") for
 * the formats it cannot box-hash.
 */
public final class HardBindingCheck implements BindingCheck {

    public static final String HARD_BINDINGS_MISSING = "claim.hardBindings.missing";
    public static final String MULTIPLE_HARD_BINDINGS = "assertion.multipleHardBindings";
    public static final String MANIFEST_UPDATE_INVALID = "manifest.update.invalid";
    public static final String DATA_HASH_MATCH = "assertion.dataHash.match";
    public static final String DATA_HASH_MISMATCH = "assertion.dataHash.mismatch";
    public static final String DATA_HASH_EXTRA_EXCLUSIONS = "assertion.dataHash.additionalExclusionsPresent";
    public static final String BMFF_HASH_MATCH = "assertion.bmffHash.match";
    public static final String BMFF_HASH_MISMATCH = "assertion.bmffHash.mismatch";
    public static final String BMFF_HASH_MALFORMED = "assertion.bmffHash.malformed";
    public static final String BMFF_HASH_EXTRA_EXCLUSIONS = "assertion.bmffHash.additionalExclusionsPresent";
    public static final String BOXES_HASH_MATCH = "assertion.boxesHash.match";
    public static final String BOXES_HASH_MISMATCH = "assertion.boxesHash.mismatch";
    /**
     * A box hash on a container whose box division is not implemented: the spec's code for a hash whose algorithm
     * (here, how the asset is cut into boxes) is unsupported. Never reported as a match or a mismatch.
     */
    public static final String BOXES_HASH_UNCHECKED = "algorithm.unsupported";
    /** A hard binding this implementation cannot compute (see {@link #BOXES_HASH_UNCHECKED}). */
    public static final String HASH_UNCHECKED = "algorithm.unsupported";

    static final String DATA_HASH = "c2pa.hash.data";
    static final String BMFF_HASH = "c2pa.hash.bmff";
    static final String BOXES_HASH = "c2pa.hash.boxes";
    private static final int MAX_UPDATE_CHAIN = 200;
    private static final int MAX_EXCLUSIONS = 100_000;

    private static final byte[] C2PA_UUID = {(byte) 0xd8, (byte) 0xfe, (byte) 0xc3, (byte) 0xd6, 0x1b, 0x0e, 0x48,
            0x3c, (byte) 0x92, (byte) 0x97, 0x58, 0x28, (byte) 0x87, 0x7e, (byte) 0xc4, (byte) 0x81};

    @Override
    public void check(C2paContents contents, Manifest manifest, MediaAsset asset, ValidationLog log) {
        AssertionHashes.check(manifest, log);
        if (contents.store().isEmpty()) {
            return;
        }
        ManifestStore store = contents.store().get();
        Optional<Manifest> binding = bindingManifest(store, manifest);
        if (binding.isEmpty()) {
            log.failure(HARD_BINDINGS_MISSING, AssertionHashes.manifestUri(manifest.label()),
                    "could not find manifest with hard binding");
            return;
        }
        checkHardBinding(contents, binding.get(), manifest.update(), asset, log);
    }

    /** The manifest whose hard binding covers the asset: the manifest itself, or for an update manifest its parent's. */
    static Optional<Manifest> bindingManifest(ManifestStore store, Manifest manifest) {
        Manifest current = manifest;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < MAX_UPDATE_CHAIN && current.update(); i++) {
            if (!seen.add(current.label())) {
                return Optional.empty();
            }
            Optional<String> parent = parentLabel(current);
            if (parent.isEmpty()) {
                return Optional.empty();
            }
            Optional<Manifest> next = store.manifest(parent.get());
            if (next.isEmpty()) {
                return Optional.empty();
            }
            current = next.get();
        }
        return current.update() ? Optional.empty() : Optional.of(current);
    }

    private static Optional<String> parentLabel(Manifest m) {
        try {
            for (Ingredient i : m.ingredients()) {
                if (i.relationship().equals("parentOf") && i.manifestLabel().isPresent()) {
                    return i.manifestLabel();
                }
            }
        } catch (C2paException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The hard-binding assertions of a claim: for v2 claims only created ones; multi-part hashes left out. */
    static List<Assertion> hardBindings(Manifest m) {
        Set<String> created = new HashSet<>();
        for (HashedUri h : m.claim().createdAssertions()) {
            created.add(h.lastSegment());
        }
        List<Assertion> out = new ArrayList<>();
        for (Assertion a : m.assertions().values()) {
            String l = a.label();
            boolean hash = l.startsWith(DATA_HASH) || l.startsWith(BMFF_HASH) || l.startsWith(BOXES_HASH);
            if (!hash || l.endsWith(".part")) {
                continue;
            }
            if (m.claim().version() >= 2 && !created.contains(l)) {
                continue;
            }
            out.add(a);
        }
        return out;
    }

    private void checkHardBinding(C2paContents contents, Manifest claim, boolean activeIsUpdate, MediaAsset asset,
                                  ValidationLog log) {
        List<Assertion> bindings = hardBindings(claim);
        String claimUri = AssertionHashes.manifestUri(claim.label()) + "/" + (claim.claim().version() >= 2
                ? "c2pa.claim.v2" : "c2pa.claim");
        if (bindings.isEmpty() && !claim.update()) {
            log.failure(HARD_BINDINGS_MISSING, claimUri, "claim missing data binding");
        }
        if (bindings.size() != 1 && !claim.update()) {
            log.failure(MULTIPLE_HARD_BINDINGS, claimUri, "claim has multiple data bindings");
        }
        if (!bindings.isEmpty() && claim.update()) {
            log.failure(MANIFEST_UPDATE_INVALID, claimUri, "update manifests cannot contain data hash assertions");
        }
        String claimAlg = claim.claim().alg().orElse("sha256");
        for (Assertion a : bindings) {
            String url = AssertionHashes.assertionUri(claim.label(), a.label());
            if (a.label().startsWith(DATA_HASH)) {
                dataHash(contents, a, url, claimAlg, activeIsUpdate, asset, log);
            } else if (a.label().startsWith(BMFF_HASH)) {
                bmffHash(a, url, claimAlg, asset, log);
            } else {
                boxesHash(a, url, claimAlg, asset, log);
            }
        }
    }

    // ---------------------------------------------------------------- c2pa.hash.data

    private void dataHash(C2paContents contents, Assertion a, String url, String claimAlg, boolean activeIsUpdate,
                          MediaAsset asset, ValidationLog log) {
        CBORObject data;
        List<RangeHasher.Exclusion> exclusions;
        try {
            data = a.data().orElseThrow(() -> new BindingException("not CBOR"));
            exclusions = dataExclusions(data);
        } catch (C2paException | BindingException e) {
            log.failure(DATA_HASH_MISMATCH, url, "asset hash error: " + e.getMessage());
            return;
        }
        Optional<ByteRange> storeRange = contents.storeSpan();
        if (activeIsUpdate && storeRange.isPresent()) {
            exclusions = adjustForUpdate(exclusions, storeRange.get());
        }
        if (Cbor.text(data, "url").isPresent()) {
            log.failure(DATA_HASH_MISMATCH, a.label(), "remote data hash URIs are not supported");
            return;
        }
        if (exclusions.size() > 1) {
            log.informational(DATA_HASH_EXTRA_EXCLUSIONS, url, "extra data hash exclusions found");
        }
        if (storeRange.isPresent()) {
            ByteRange r = storeRange.get();
            boolean covered = exclusions.stream().anyMatch(e -> e.start() == r.offset() && e.length() == r.length());
            if (!covered) {
                log.failure(DATA_HASH_MISMATCH, url,
                        "data hash exclusion does not match the manifest location in the asset");
            }
        }
        Optional<HashAlgorithm> alg = HashAlgorithm.of(Cbor.text(data, "alg").orElse(claimAlg));
        Optional<byte[]> expected = Cbor.bytes(data, "hash");
        if (alg.isEmpty() || expected.isEmpty()) {
            log.failure(DATA_HASH_MISMATCH, url, "asset hash error: unsupported algorithm or no hash");
            return;
        }
        try (SeekableByteChannel ch = asset.openChannel()) {
            byte[] actual = RangeHasher.hash(alg.get(), ch, exclusions, List.of());
            if (MessageDigest.isEqual(actual, expected.get())) {
                log.success(DATA_HASH_MATCH, url, "data hash valid");
            } else {
                log.failure(DATA_HASH_MISMATCH, url, "asset hash error: the hashes do not match");
            }
        } catch (BindingException | IOException e) {
            log.failure(DATA_HASH_MISMATCH, url, "asset hash error: " + e.getMessage());
        }
    }

    static List<RangeHasher.Exclusion> dataExclusions(CBORObject data) throws BindingException {
        List<RangeHasher.Exclusion> out = new ArrayList<>();
        for (CBORObject e : Cbor.array(data, "exclusions")) {
            if (out.size() >= MAX_EXCLUSIONS) {
                throw new BindingException("too many exclusions");
            }
            long start = Cbor.get(e, "start").flatMap(Cbor::integer).orElse(-1L);
            long length = Cbor.get(e, "length").flatMap(Cbor::integer).orElse(-1L);
            if (start < 0 || length < 0) {
                throw new BindingException("malformed exclusion");
            }
            out.add(new RangeHasher.Exclusion(start, length));
        }
        return out;
    }

    /**
     * An update manifest grows the store after the parent's hash was taken: the exclusion that starts where the
     * store starts is widened to the whole store, and later exclusions move by the growth.
     */
    private static List<RangeHasher.Exclusion> adjustForUpdate(List<RangeHasher.Exclusion> exclusions, ByteRange store) {
        List<RangeHasher.Exclusion> out = new ArrayList<>(exclusions);
        int at = -1;
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).start() == store.offset()) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            return out;
        }
        long grow = Math.max(0, store.length() - out.get(at).length());
        out.set(at, new RangeHasher.Exclusion(store.offset(), store.length()));
        if (store.offset() > 0) {
            for (int i = 0; i < out.size(); i++) {
                RangeHasher.Exclusion e = out.get(i);
                if (e.start() > store.offset()) {
                    out.set(i, new RangeHasher.Exclusion(e.start() + grow, e.length()));
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- c2pa.hash.bmff

    private void bmffHash(Assertion a, String url, String claimAlg, MediaAsset asset, ValidationLog log) {
        CBORObject data;
        try {
            data = a.data().orElseThrow(() -> new C2paException("not CBOR"));
        } catch (C2paException e) {
            log.failure(BMFF_HASH_MISMATCH, url, "asset hash error: " + e.getMessage());
            return;
        }
        List<CBORObject> exclusionMaps = Cbor.array(data, "exclusions");
        if (exclusionMaps.stream().anyMatch(HardBindingCheck::isOptionalExclusion)) {
            log.informational(BMFF_HASH_EXTRA_EXCLUSIONS, url, "extra BMFF hash exclusion(s) found");
        }
        try {
            verifyBmff(data, a.labelVersion(), claimAlg, asset);
            log.success(BMFF_HASH_MATCH, url, "BMFF hash valid");
        } catch (BindingException e) {
            String code = e.getMessage().startsWith("malformed") ? BMFF_HASH_MALFORMED : BMFF_HASH_MISMATCH;
            log.failure(code, url, "asset hash error: " + e.getMessage());
        } catch (IOException e) {
            log.failure(BMFF_HASH_MISMATCH, url, "asset hash error: " + e.getMessage());
        } catch (BmffMerkle.Unchecked e) {
            log.failure(HASH_UNCHECKED, url, "BMFF hash not checked: " + e.getMessage());
        }
    }

    /** An exclusion beyond the ones every BMFF hash carries (the C2PA uuid box, ftyp, mfra). */
    private static boolean isOptionalExclusion(CBORObject e) {
        String xpath = Cbor.text(e, "xpath").orElse("");
        if (xpath.equals("/ftyp") || xpath.equals("/mfra")) {
            return false;
        }
        if (xpath.equals("/uuid")) {
            for (CBORObject d : Cbor.array(e, "data")) {
                Optional<byte[]> v = Cbor.bytes(d, "value");
                if (v.isPresent() && Arrays.equals(v.get(), C2PA_UUID)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void verifyBmff(CBORObject data, int labelVersion, String claimAlg, MediaAsset asset)
            throws BindingException, IOException, BmffMerkle.Unchecked {
        if (Cbor.text(data, "url").isPresent()) {
            throw new BindingException("BMFF hash remote has been deprecated");
        }
        List<CBORObject> maps = Cbor.array(data, "exclusions");
        if (maps.isEmpty()) {
            throw new BindingException("malformed: no exclusions");
        }
        if (maps.size() > MAX_EXCLUSIONS) {
            throw new BindingException("too many exclusions");
        }
        boolean v2 = labelVersion > 1;
        Optional<HashAlgorithm> alg = HashAlgorithm.of(Cbor.text(data, "alg").orElse(claimAlg));
        if (alg.isEmpty()) {
            throw new BindingException("unsupported hash algorithm");
        }
        Optional<byte[]> expected = Cbor.bytes(data, "hash");
        boolean merkle = !Cbor.array(data, "merkle").isEmpty();
        if (expected.isEmpty() && !merkle) {
            throw new BindingException("malformed: neither hash nor merkle");
        }
        try (SeekableByteChannel ch = asset.openChannel()) {
            List<BmffBoxes.Box> boxes = BmffBoxes.read(ch);
            List<RangeHasher.Exclusion> exclusions = new ArrayList<>();
            List<Long> offsets = bmffExclusions(ch, boxes, maps, v2, exclusions);
            if (expected.isPresent()) {
                byte[] actual = RangeHasher.hash(alg.get(), ch, exclusions, offsets);
                if (!MessageDigest.isEqual(actual, expected.get())) {
                    throw new BindingException("BMFF file level hash mismatch");
                }
            }
            if (merkle) {
                BmffMerkle.verify(BmffMerkle.maps(Cbor.array(data, "merkle")), Cbor.text(data, "alg"), ch, boxes,
                        exclusions, offsets);
            }
        }
    }

    /**
     * Resolves the exclusion maps of a BMFF hash against the file's boxes into {@code exclusions}; returns the
     * top-level box offsets a v2/v3 hash covers (none for v1).
     */
    static List<Long> bmffExclusions(SeekableByteChannel ch, List<BmffBoxes.Box> boxes, List<CBORObject> maps,
                                     boolean v2, List<RangeHasher.Exclusion> exclusions)
            throws BindingException, IOException {
        List<Long> topLevel = new ArrayList<>();
        for (BmffBoxes.Box b : boxes) {
            if (b.topLevel()) {
                topLevel.add(b.offset());
            }
        }
        for (CBORObject map : maps) {
            addBmffExclusions(ch, boxes, map, exclusions, topLevel);
        }
        return v2 ? topLevel : List.of();
    }

    private static void addBmffExclusions(SeekableByteChannel ch, List<BmffBoxes.Box> boxes, CBORObject map,
                                          List<RangeHasher.Exclusion> out, List<Long> topLevel)
            throws BindingException, IOException {
        String xpath = Cbor.text(map, "xpath").orElseThrow(() -> new BindingException("malformed: exclusion without xpath"));
        Optional<Long> length = Cbor.get(map, "length").flatMap(Cbor::integer);
        Optional<Long> version = Cbor.get(map, "version").flatMap(Cbor::integer);
        Optional<byte[]> flagBytes = Cbor.bytes(map, "flags");
        boolean exact = Cbor.get(map, "exact").map(o -> o.getType() != CBORType.Boolean || o.AsBoolean()).orElse(true);
        List<CBORObject> dataMaps = Cbor.array(map, "data");
        List<CBORObject> subsets = Cbor.array(map, "subset");
        List<long[]> subsetList = new ArrayList<>();
        for (CBORObject s : subsets) {
            long off = Cbor.get(s, "offset").flatMap(Cbor::integer).orElse(-1L);
            long len = Cbor.get(s, "length").flatMap(Cbor::integer).orElse(-1L);
            if (off < 0 || len < 0) {
                throw new BindingException("malformed: subset");
            }
            subsetList.add(new long[]{off, len});
        }
        for (int i = 0; i + 1 < subsetList.size(); i++) {
            long[] s = subsetList.get(i);
            long[] n = subsetList.get(i + 1);
            if (n[0] < s[0] || s[0] > Long.MAX_VALUE - s[1] || s[0] + s[1] > n[0]) {
                throw new BindingException("malformed: subsets out of order or overlapping");
            }
        }
        for (BmffBoxes.Box box : BmffBoxes.select(boxes, xpath)) {
            if (length.isPresent() && length.get() != box.size()) {
                continue;
            }
            if (version.isPresent() && box.version() >= 0 && version.get() != box.version()) {
                continue;
            }
            if (flagBytes.isPresent() && box.flags() >= 0) {
                byte[] f = flagBytes.get();
                int desired = f.length >= 3 ? ((f[0] & 0xFF) << 16) | ((f[1] & 0xFF) << 8) | (f[2] & 0xFF) : 0;
                if (exact ? desired != box.flags() : (desired | box.flags()) != desired) {
                    continue;
                }
            }
            if (!dataMatches(ch, box, dataMaps)) {
                continue;
            }
            if (!subsetList.isEmpty()) {
                for (long[] s : subsetList) {
                    if (s[0] > box.size()) {
                        continue;
                    }
                    long len = s[1] == 0 ? box.size() - s[0] : Math.min(s[1], box.size() - s[0]);
                    out.add(new RangeHasher.Exclusion(box.offset() + s[0], len));
                }
            } else {
                out.add(new RangeHasher.Exclusion(box.offset(), box.size()));
                topLevel.remove(Long.valueOf(box.offset()));
            }
            if (out.size() > MAX_EXCLUSIONS) {
                throw new BindingException("too many exclusions");
            }
        }
    }

    private static boolean dataMatches(SeekableByteChannel ch, BmffBoxes.Box box, List<CBORObject> dataMaps)
            throws IOException, BindingException {
        for (CBORObject d : dataMaps) {
            long off = Cbor.get(d, "offset").flatMap(Cbor::integer).orElse(-1L);
            byte[] value = Cbor.bytes(d, "value").orElse(new byte[0]);
            if (off < 0 || value.length > 1 << 20) {
                throw new BindingException("malformed: data map");
            }
            long at = box.offset() + off;
            if (at < 0 || at + value.length > ch.size()) {
                throw new BindingException("BMFF data map past the end of the file");
            }
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(value.length);
            ch.position(at);
            while (buf.hasRemaining()) {
                if (ch.read(buf) < 0) {
                    throw new BindingException("BMFF data map past the end of the file");
                }
            }
            if (!Arrays.equals(buf.array(), value)) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- c2pa.hash.boxes

    private void boxesHash(Assertion a, String url, String claimAlg, MediaAsset asset, ValidationLog log) {
        if (!BoxHashes.supports(asset.mediaType())) {
            // the box division of this container is not implemented: the hash was not computed, so neither
            // match nor mismatch is reported
            log.failure(BOXES_HASH_UNCHECKED, url, "box hash not checked: dividing " + asset.mediaType()
                    + " assets into boxes is not supported by this implementation");
            return;
        }
        try (SeekableByteChannel ch = asset.openChannel()) {
            CBORObject data = a.data().orElseThrow(() -> new BindingException("not CBOR"));
            BoxHashes.verify(data, claimAlg, asset.mediaType(), ch);
            log.success(BOXES_HASH_MATCH, url, "boxes hash valid");
        } catch (C2paException | BindingException | IOException e) {
            log.failure(BOXES_HASH_MISMATCH, url, "asset hash error: " + e.getMessage());
        }
    }
}
