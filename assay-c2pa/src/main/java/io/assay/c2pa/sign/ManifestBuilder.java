package io.assay.c2pa.sign;

import com.upokecenter.cbor.CBORObject;
import io.assay.c2pa.C2paContents;
import io.assay.c2pa.C2paException;
import io.assay.c2pa.C2paReader;
import io.assay.c2pa.embed.Embedder;
import io.assay.c2pa.embed.Embedders;
import io.assay.c2pa.embed.Placement;
import io.assay.c2pa.manifest.HashAlgorithm;
import io.assay.c2pa.manifest.ManifestStore;
import io.assay.core.evidence.DigitalSourceType;
import io.assay.core.media.AssetLimits;
import io.assay.core.media.AssetRejectedException;
import io.assay.core.media.ByteArrayChannel;
import io.assay.core.media.MediaAsset;
import io.assay.core.media.MediaType;
import io.assay.c2pa.validation.C2paValidator;
import io.assay.c2pa.validation.TrustSettings;
import io.assay.c2pa.validation.Validators;
import io.assay.c2pa.validation.ValidationReport;
import io.assay.c2pa.validation.binding.HardBindings;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds and signs the Content Credentials of a generated (or AI-edited) asset in one call: a claim v2 with a
 * {@code c2pa.actions.v2} assertion ({@code c2pa.created}, or {@code c2pa.opened} + {@code c2pa.edited} when the
 * input is an existing asset), the container's hard binding, the COSE_Sign1 claim signature with an optional
 * RFC 3161 time-stamp ({@code sigTst2}), and, for JPEG and PNG, IPTC XMP naming the same digital source type.
 *
 * <pre>{@code
 * Signer signer = PemSigner.load(Path.of("chain.pem"), Path.of("key.pem"), SigningAlgorithm.ES256);
 * SignedAsset out = ManifestBuilder.created(DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA)
 *         .softwareAgent("ExampleModel", "1.2")
 *         .sign(bytes, MediaType.JPEG, signer);
 * Files.write(Path.of("out.jpg"), out.bytes());
 * }</pre>
 *
 * <p>When the input already carries a manifest store, its manifests are kept in the new store and its active
 * manifest becomes the {@code parentOf} ingredient (with the validation results Assay found for it), and the new
 * manifest records an edit. A builder may be reused; it is not thread-safe while being configured.
 */
public final class ManifestBuilder {

    static final String GENERATOR_NAME = "Assay";
    private static final HashAlgorithm ALG = HashAlgorithm.SHA256;

    private final DigitalSourceType sourceType;
    private boolean edit;
    private String agentName;
    private String agentVersion;
    private String generatorName = GENERATOR_NAME;
    private String generatorVersion = version();
    private String title;
    private TimeStampAuthority tsa;
    private String remoteManifestUrl;
    private boolean iptc = true;
    private C2paValidator parentValidator = Validators.standard(TrustSettings.noTrust());
    private byte[] original;
    private MediaType originalType;

    private ManifestBuilder(DigitalSourceType sourceType, boolean edit) {
        this.sourceType = Objects.requireNonNull(sourceType, "digital source type");
        this.edit = edit;
    }

    /** A manifest whose first action is {@code c2pa.created} with this digital source type. */
    public static ManifestBuilder created(DigitalSourceType sourceType) {
        return new ManifestBuilder(sourceType, false);
    }

    /** A manifest that records an edit of the input ({@code c2pa.opened} of the parent, then {@code c2pa.edited}). */
    public static ManifestBuilder edited(DigitalSourceType sourceType) {
        return new ManifestBuilder(sourceType, true);
    }

    /** The generator (AI model or tool) recorded as the action's {@code softwareAgent}. */
    public ManifestBuilder softwareAgent(String name, String version) {
        this.agentName = requireText(name, "software agent name");
        this.agentVersion = version;
        return this;
    }

    /** The claim generator (the software writing the claim); Assay by default. */
    public ManifestBuilder claimGenerator(String name, String version) {
        this.generatorName = requireText(name, "claim generator name");
        this.generatorVersion = version;
        return this;
    }

    public ManifestBuilder title(String title) {
        this.title = title;
        return this;
    }

    /** Time-stamps the claim signature ({@code sigTst2}); without one, the signature carries no trusted time. */
    public ManifestBuilder timeStampAuthority(TimeStampAuthority tsa) {
        this.tsa = tsa;
        return this;
    }

    /** The URL where the manifest store will also be published; written as XMP {@code dcterms:provenance}. */
    public ManifestBuilder remoteManifestUrl(String url) {
        this.remoteManifestUrl = url;
        return this;
    }

    /** Whether to write IPTC XMP ({@code Iptc4xmpExt:DigitalSourceType}) where the format allows; on by default. */
    public ManifestBuilder iptc(boolean write) {
        this.iptc = write;
        return this;
    }

    /**
     * The validator whose results for a parent manifest are recorded in the ingredient; by default one without trust
     * anchors (signatures and bindings checked, signers not judged).
     */
    public ManifestBuilder parentValidator(C2paValidator validator) {
        this.parentValidator = validator;
        return this;
    }

    /**
     * The asset being signed was derived from {@code original} (for instance, re-encoded with an invisible watermark):
     * Content Credentials are looked for in the original rather than in the derived bytes, and become the parent
     * ingredient. Without this, the signed asset itself is looked at.
     */
    public ManifestBuilder derivedFrom(byte[] original, MediaType type) {
        this.original = original;
        this.originalType = type;
        return this;
    }

    /**
     * Signs {@code asset}.
     *
     * @throws C2paException   when the format cannot be signed or the file is malformed
     * @throws SignerException when the signer or time-stamp authority fails
     */
    public SignedAsset sign(byte[] asset, MediaType type, Signer signer) throws C2paException, SignerException {
        Objects.requireNonNull(signer, "signer");
        Embedder embedder = Embedders.forType(type)
                .orElseThrow(() -> new C2paException("signing " + type.mime() + " is not supported"));
        List<String> notes = new ArrayList<>();
        byte[] source = original != null ? original : asset;
        MediaType sourceFormat = original != null ? originalType : type;
        Optional<ManifestStore> parentStore = readStore(source, sourceFormat);
        Optional<ParentIngredient> parent = Optional.empty();
        if (parentStore.isPresent()) {
            parent = Optional.of(ParentIngredient.of(parentStore.get(), validate(source, sourceFormat), sourceFormat));
        } else if (edit) {
            parent = Optional.of(ParentIngredient.plain(sourceFormat, title));
        }
        boolean records = parent.isPresent();
        byte[] clean = embedder.strip(asset);
        if (iptc) {
            Optional<byte[]> withXmp = IptcXmp.write(clean, type, sourceType, remoteManifestUrl);
            if (withXmp.isPresent()) {
                clean = withXmp.get();
                notes.add("IPTC XMP digital source type written");
            } else {
                notes.add("IPTC XMP not written: not supported for " + type.mime());
            }
        }
        String label = "urn:c2pa:" + UUID.randomUUID();
        ClaimDraft draft = new ClaimDraft(label, "xmp:iid:" + UUID.randomUUID(), ALG, generatorName, generatorVersion,
                title, type);
        CBORObject actions = ClaimDraft.actions(records, sourceType, agentName, agentVersion);
        int sigReserve = CoseSign1Builder.with(signer).protectedHeader().length + signer.reserveSize()
                + (tsa == null ? 0 : tsa.reserveSize()) + 512;
        for (int attempt = 0; ; attempt++) {
            try {
                byte[] out = assemble(embedder, clean, draft, parent, actions, parentStore, signer, sigReserve);
                return new SignedAsset(out, label, draft.instanceId(), parent.flatMap(ParentIngredient::manifestLabel)
                        .orElse(null), notes);
            } catch (ClaimDraft.ReserveTooSmall e) {
                if (attempt > 2) {
                    throw new SignerException("the signature does not fit " + e.needed() + " reserved bytes");
                }
                sigReserve = e.needed() + 1024;
            }
        }
    }

    private byte[] assemble(Embedder embedder, byte[] clean, ClaimDraft draft, Optional<ParentIngredient> parent,
                            CBORObject actions, Optional<ManifestStore> parentStore, Signer signer, int sigReserve)
            throws C2paException, SignerException, ClaimDraft.ReserveTooSmall {
        List<byte[]> kept = parentStore.map(ParentIngredient::manifestBoxes).orElse(List.of());
        // pass 1: placeholders of the final sizes, to learn where the store lands
        ClaimDraft.Built placeholder = draft.build(parent, actions, embedder.binding(), null, null, sigReserve,
                kept, null, null);
        Placement first = embedder.embed(clean, placeholder.store());
        byte[] hash;
        try (ByteArrayChannel ch = new ByteArrayChannel(first.bytes())) {
            hash = switch (embedder.binding()) {
                case DATA -> HardBindings.dataHash(ALG, ch, first.exclusionStart(), first.exclusionLength());
                case BMFF -> HardBindings.bmffHash(ALG, ClaimDraft.bmffExclusions(), ch);
            };
        } catch (IOException e) {
            throw new C2paException("cannot hash the asset: " + e.getMessage());
        }
        // pass 2: the real binding, claim and signature, in exactly the same space
        ClaimDraft.Built fin = draft.build(parent, actions, embedder.binding(), hash,
                new long[]{first.exclusionStart(), first.exclusionLength()}, sigReserve, kept, signer, tsa);
        if (fin.store().length != placeholder.store().length) {
            throw new IllegalStateException("manifest store changed size between passes");
        }
        Placement second = embedder.embed(clean, fin.store());
        if (second.exclusionStart() != first.exclusionStart() || second.bytes().length != first.bytes().length) {
            throw new IllegalStateException("manifest store moved between passes");
        }
        return second.bytes();
    }

    private static Optional<ManifestStore> readStore(byte[] asset, MediaType type) throws C2paException {
        if (!C2paReader.supports(type)) {
            return Optional.empty();
        }
        try {
            C2paContents contents = C2paReader.inspect(MediaAsset.of("input", asset, AssetLimits.DEFAULT));
            return contents.store();
        } catch (AssetRejectedException e) {
            throw new C2paException("the input cannot be read: " + e.getMessage());
        }
    }

    private Optional<ValidationReport> validate(byte[] asset, MediaType type) throws C2paException {
        if (parentValidator == null) {
            return Optional.empty();
        }
        try {
            return parentValidator.validate(MediaAsset.of("input", asset, AssetLimits.DEFAULT));
        } catch (AssetRejectedException e) {
            throw new C2paException("the input cannot be read: " + e.getMessage());
        }
    }

    private static String requireText(String s, String what) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return s;
    }

    private static String version() {
        String v = ManifestBuilder.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0" : v;
    }
}
