package io.assay.c2pa.sign;

import com.upokecenter.cbor.CBORObject;
import io.assay.c2pa.C2paException;
import io.assay.c2pa.embed.Embedder;
import io.assay.c2pa.jumbf.JumbfTypes;
import io.assay.c2pa.jumbf.JumbfWriter;
import io.assay.c2pa.manifest.HashAlgorithm;
import io.assay.c2pa.validation.credential.CoseAlgorithm;
import io.assay.core.evidence.DigitalSourceType;
import io.assay.core.media.MediaType;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parts of one new manifest and how they serialize. Every part has a size fixed before the hard binding is
 * known: the data hash is padded to a constant length, hashes have the algorithm's length, and the claim signature
 * is padded (COSE unprotected {@code pad}) to the space reserved for it. So a placeholder build and the final build
 * are byte-for-byte the same length, and the store lands in the same place both times.
 */
record ClaimDraft(String label, String instanceId, HashAlgorithm alg, String generatorName, String generatorVersion,
                  String title, MediaType format) {

    static final String ACTIONS = "c2pa.actions.v2";
    static final String INGREDIENT = "c2pa.ingredient.v3";
    static final String DATA_HASH = "c2pa.hash.data";
    static final String BMFF_HASH = "c2pa.hash.bmff.v3";
    static final String CLAIM = "c2pa.claim.v2";
    static final String SIGNATURE = "c2pa.signature";
    /** Room for the data hash's exclusion integers to grow from placeholder to final value. */
    private static final int DATA_HASH_SLACK = 40;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The signature needs more space than was reserved; the builder retries with {@link #needed()}. */
    static final class ReserveTooSmall extends Exception {
        private final int needed;

        ReserveTooSmall(int needed) {
            super(null, null, false, false);
            this.needed = needed;
        }

        int needed() {
            return needed;
        }
    }

    /** The serialized store. */
    record Built(byte[] store) {
    }

    /** The {@code c2pa.actions.v2} map: created, or opened (of the parent ingredient) then edited. */
    static CBORObject actions(boolean edit, DigitalSourceType type, String agentName, String agentVersion) {
        CBORObject list = CBORObject.NewArray();
        if (edit) {
            CBORObject opened = CBORObject.NewOrderedMap();
            opened.set("action", CBORObject.FromObject("c2pa.opened"));
            CBORObject params = CBORObject.NewOrderedMap();
            CBORObject ingredients = CBORObject.NewArray();
            ingredients.Add(CBORObject.FromObject(INGREDIENT)); // replaced by the hashed URI when built
            params.set("ingredients", ingredients);
            opened.set("parameters", params);
            list.Add(opened);
        }
        CBORObject action = CBORObject.NewOrderedMap();
        action.set("action", CBORObject.FromObject(edit ? "c2pa.edited" : "c2pa.created"));
        if (agentName != null) {
            CBORObject agent = CBORObject.NewOrderedMap();
            agent.set("name", CBORObject.FromObject(agentName));
            if (agentVersion != null) {
                agent.set("version", CBORObject.FromObject(agentVersion));
            }
            action.set("softwareAgent", agent);
        }
        action.set("digitalSourceType", CBORObject.FromObject(type.iri()));
        list.Add(action);
        CBORObject map = CBORObject.NewOrderedMap();
        map.set("actions", list);
        return map;
    }

    /** The exclusions of a BMFF v3 hash, as c2pa-rs writes them. */
    static CBORObject bmffExclusions() {
        CBORObject map = CBORObject.NewOrderedMap();
        CBORObject list = CBORObject.NewArray();
        CBORObject uuid = CBORObject.NewOrderedMap();
        uuid.set("xpath", CBORObject.FromObject("/uuid"));
        CBORObject data = CBORObject.NewOrderedMap();
        data.set("offset", CBORObject.FromObject(8));
        data.set("value", CBORObject.FromObject(new byte[]{(byte) 0xd8, (byte) 0xfe, (byte) 0xc3, (byte) 0xd6, 0x1b,
                0x0e, 0x48, 0x3c, (byte) 0x92, (byte) 0x97, 0x58, 0x28, (byte) 0x87, 0x7e, (byte) 0xc4, (byte) 0x81}));
        CBORObject dataList = CBORObject.NewArray();
        dataList.Add(data);
        uuid.set("data", dataList);
        list.Add(uuid);
        for (String path : List.of("/ftyp", "/mfra", "/free", "/skip")) {
            CBORObject e = CBORObject.NewOrderedMap();
            e.set("xpath", CBORObject.FromObject(path));
            list.Add(e);
        }
        map.set("exclusions", list);
        return map;
    }

    /**
     * Serializes the store. With {@code signer == null} every hash is zero and the signature is padding of the
     * reserved size (the placeholder pass).
     */
    Built build(Optional<ParentIngredient> parent, CBORObject actionsTemplate, Embedder.HardBinding binding,
                byte[] bindingHash, long[] exclusion, int sigReserve, List<byte[]> keptManifests, Signer signer,
                TimeStampAuthority tsa) throws C2paException, SignerException, ReserveTooSmall {
        int hashLength = alg.newDigest().getDigestLength();
        List<byte[]> assertionBoxes = new ArrayList<>();
        List<CBORObject> refs = new ArrayList<>();
        CBORObject actions = actionsTemplate;
        if (parent.isPresent()) {
            byte[] box = assertion(INGREDIENT, parent.get().toCbor(alg));
            assertionBoxes.add(box);
            CBORObject ref = hashedUri("self#jumbf=c2pa.assertions/" + INGREDIENT, box, signer != null, hashLength);
            refs.add(ref);
            actions = withIngredient(actionsTemplate, ref);
        }
        byte[] actionsBox = assertion(ACTIONS, actions);
        assertionBoxes.add(actionsBox);
        refs.add(hashedUri("self#jumbf=c2pa.assertions/" + ACTIONS, actionsBox, signer != null, hashLength));
        String bindingLabel = binding == Embedder.HardBinding.DATA ? DATA_HASH : BMFF_HASH;
        byte[] hash = bindingHash == null ? new byte[hashLength] : bindingHash;
        CBORObject bindingCbor = binding == Embedder.HardBinding.DATA
                ? dataHash(hash, exclusion == null ? new long[]{0, 0} : exclusion)
                : bmffHash(hash);
        byte[] bindingBox = assertion(bindingLabel, bindingCbor);
        assertionBoxes.add(bindingBox);
        refs.add(hashedUri("self#jumbf=c2pa.assertions/" + bindingLabel, bindingBox, signer != null, hashLength));

        CBORObject claim = CBORObject.NewOrderedMap();
        claim.set("instanceID", CBORObject.FromObject(instanceId));
        CBORObject generator = CBORObject.NewOrderedMap();
        generator.set("name", CBORObject.FromObject(generatorName));
        if (generatorVersion != null) {
            generator.set("version", CBORObject.FromObject(generatorVersion));
        }
        claim.set("claim_generator_info", generator);
        if (title != null) {
            claim.set("dc:title", CBORObject.FromObject(title));
        }
        claim.set("signature", CBORObject.FromObject("self#jumbf=/c2pa/" + label + "/" + SIGNATURE));
        CBORObject created = CBORObject.NewArray();
        refs.forEach(created::Add);
        claim.set("created_assertions", created);
        claim.set("alg", CBORObject.FromObject(alg.c2paName()));
        byte[] claimBytes = claim.EncodeToBytes();

        byte[] cose = signer == null ? new byte[sigReserve] : signature(signer, tsa, claimBytes, sigReserve);

        byte[] assertionStore = JumbfWriter.superBox(JumbfTypes.ASSERTION_STORE, "c2pa.assertions", null,
                assertionBoxes);
        byte[] claimBox = JumbfWriter.superBox(JumbfTypes.CLAIM, CLAIM, null,
                List.of(JumbfWriter.contentBox(JumbfTypes.CBOR, claimBytes)));
        byte[] signatureBox = JumbfWriter.superBox(JumbfTypes.SIGNATURE, SIGNATURE, null,
                List.of(JumbfWriter.contentBox(JumbfTypes.CBOR, cose)));
        byte[] manifest = JumbfWriter.superBox(JumbfTypes.MANIFEST, label, null,
                List.of(assertionStore, claimBox, signatureBox));
        List<byte[]> manifests = new ArrayList<>(keptManifests);
        manifests.add(manifest);
        return new Built(JumbfWriter.superBox(JumbfTypes.MANIFEST_STORE, "c2pa", null, manifests));
    }

    /** COSE_Sign1 over the claim, time-stamped if asked, padded to exactly {@code reserve} bytes. */
    private static byte[] signature(Signer signer, TimeStampAuthority tsa, byte[] claim, int reserve)
            throws SignerException, ReserveTooSmall {
        CoseSign1Builder builder = CoseSign1Builder.with(signer);
        byte[] unpadded = builder.sign(claim);
        if (tsa != null) {
            CBORObject signed = CBORObject.DecodeFromBytes(unpadded);
            byte[] signature = signed.get(3).GetByteString();
            byte[] protectedHeader = signed.get(0).GetByteString();
            byte[] toStamp = CoseAlgorithm.counterSignatureStructure(protectedHeader, CoseAlgorithm.cborBytes(signature));
            byte[] token = tsa.timeStamp(toStamp);
            CBORObject container = CBORObject.NewOrderedMap();
            CBORObject tokens = CBORObject.NewArray();
            CBORObject val = CBORObject.NewOrderedMap();
            val.set("val", CBORObject.FromObject(token));
            tokens.Add(val);
            container.set("tstTokens", tokens);
            signed.get(1).set("sigTst2", container);
            unpadded = signed.EncodeToBytes();
        }
        return pad(unpadded, reserve);
    }

    /** Adds an unprotected {@code pad} so the COSE_Sign1 is exactly {@code size} bytes. */
    private static byte[] pad(byte[] cose, int size) throws ReserveTooSmall {
        CBORObject o = CBORObject.DecodeFromBytes(cose);
        int n = size - cose.length - 8;
        for (int i = 0; i < 8 && n >= 0; i++) {
            o.get(1).set("pad", CBORObject.FromObject(new byte[n]));
            byte[] out = o.EncodeToBytes();
            if (out.length == size) {
                return out;
            }
            n += size - out.length;
        }
        throw new ReserveTooSmall(cose.length + 16);
    }

    private static CBORObject withIngredient(CBORObject template, CBORObject ref) {
        CBORObject copy = CBORObject.DecodeFromBytes(template.EncodeToBytes());
        CBORObject list = copy.get("actions");
        for (int i = 0; i < list.size(); i++) {
            CBORObject params = list.get(i).get("parameters");
            if (params != null && params.get("ingredients") != null) {
                CBORObject refs = CBORObject.NewArray();
                refs.Add(ref);
                params.set("ingredients", refs);
            }
        }
        return copy;
    }

    private CBORObject dataHash(byte[] hash, long[] exclusion) throws C2paException {
        CBORObject ex = CBORObject.NewOrderedMap();
        ex.set("start", CBORObject.FromObject(exclusion[0]));
        ex.set("length", CBORObject.FromObject(exclusion[1]));
        CBORObject list = CBORObject.NewArray();
        list.Add(ex);
        CBORObject map = CBORObject.NewOrderedMap();
        map.set("exclusions", list);
        map.set("name", CBORObject.FromObject("jumbf manifest"));
        map.set("alg", CBORObject.FromObject(alg.c2paName()));
        map.set("hash", CBORObject.FromObject(hash));
        // the largest the map can be without pad, plus slack: both passes pad to this same length
        CBORObject widest = CBORObject.DecodeFromBytes(map.EncodeToBytes());
        widest.get("exclusions").get(0).set("start", CBORObject.FromObject(Long.MAX_VALUE));
        widest.get("exclusions").get(0).set("length", CBORObject.FromObject(Long.MAX_VALUE));
        int target = widest.EncodeToBytes().length + DATA_HASH_SLACK;
        for (int n = 0; n < 2 * DATA_HASH_SLACK; n++) {
            map.set("pad", CBORObject.FromObject(new byte[n]));
            if (map.EncodeToBytes().length == target) {
                return map;
            }
        }
        throw new C2paException("cannot pad the data hash assertion");
    }

    private CBORObject bmffHash(byte[] hash) {
        CBORObject map = bmffExclusions();
        map.set("alg", CBORObject.FromObject(alg.c2paName()));
        map.set("hash", CBORObject.FromObject(hash));
        map.set("name", CBORObject.FromObject("jumbf manifest"));
        return map;
    }

    /** A CBOR assertion superbox, salted as C2PA 2.x recommends. */
    private static byte[] assertion(String label, CBORObject content) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return JumbfWriter.superBox(JumbfTypes.CBOR_CONTENT, label, salt,
                List.of(JumbfWriter.contentBox(JumbfTypes.CBOR, content.EncodeToBytes())));
    }

    private CBORObject hashedUri(String url, byte[] box, boolean real, int hashLength) {
        CBORObject ref = CBORObject.NewOrderedMap();
        ref.set("url", CBORObject.FromObject(url));
        ref.set("hash", CBORObject.FromObject(real ? digest(JumbfWriter.contents(box)) : new byte[hashLength]));
        return ref;
    }

    byte[] digest(byte[] bytes) {
        return alg.newDigest().digest(bytes);
    }
}
