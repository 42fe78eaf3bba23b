package io.assay.c2pa.validation.credential;

import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;
import io.assay.c2pa.C2paException;
import io.assay.c2pa.manifest.Manifest;
import io.assay.c2pa.signature.CoseSign1;
import io.assay.c2pa.validation.CredentialCheck;
import io.assay.c2pa.validation.TrustSettings;
import io.assay.c2pa.validation.ValidationLog;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Validates a manifest's claim signature and signing credential with X.509 certificates, as the C2PA specification
 * (2.x, "Validation") and its reference implementation (c2pa-rs) do, and logs the same status codes in the same lists:
 * <ul>
 *   <li>the COSE_Sign1 signature over the claim as stored (ES256/384/512, PS256/384/512, Ed25519):
 *       {@code claimSignature.validated} and {@code claimSignature.insideValidity}, or {@code claimSignature.mismatch};
 *       {@code algorithm.unsupported} for any other algorithm;</li>
 *   <li>the signer certificate's profile at the signing time (the time-stamp's time, else now):
 *       {@code signingCredential.expired}, {@code signingCredential.invalid};</li>
 *   <li>with trust checking on, the chain ({@code x5chain}) to the trust anchors or the end entity on the allowed
 *       list: {@code signingCredential.trusted} or {@code signingCredential.untrusted};</li>
 *   <li>RFC 3161 time-stamps ({@code sigTst}, {@code sigTst2}): {@code timeStamp.*};</li>
 *   <li>a stapled OCSP response: {@code signingCredential.ocsp.notRevoked}, {@code signingCredential.revoked};
 *       without one {@code signingCredential.ocsp.skipped} (nothing is ever fetched);</li>
 *   <li>CAWG identity assertions ({@code cawg.identity}) with X.509 credentials, against a separate CAWG trust
 *       configuration ({@link CawgTrust}): {@code cawg.identity.*}, {@code cawg.x509.*}.</li>
 * </ul>
 * Stateless and thread-safe; never touches the network.
 */
public final class X509CredentialCheck implements CredentialCheck {

    private static final int MAX_SIGNATURE_BYTES = 16 * 1024 * 1024;

    private final CawgTrust cawgTrust;

    /** CAWG identity credentials are checked against {@link CawgTrust#unconfigured()}: none is trusted. */
    public X509CredentialCheck() {
        this(CawgTrust.unconfigured());
    }

    /** @param cawgTrust what the X.509 credentials of CAWG identity assertions are trusted against */
    public X509CredentialCheck(CawgTrust cawgTrust) {
        this.cawgTrust = java.util.Objects.requireNonNull(cawgTrust, "cawgTrust");
    }

    @Override
    public void check(Manifest manifest, TrustSettings trust, ValidationLog log) {
        String url = "self#jumbf=/c2pa/" + manifest.label() + "/c2pa.signature";
        StatusLog out = new StatusLog();
        try {
            run(manifest, trust, out);
        } catch (RuntimeException | StackOverflowError e) {
            out.add("claimSignature.mismatch", "claim signature could not be checked: " + e.getClass().getSimpleName());
        }
        out.flushTo(log, url);
        CawgIdentity.check(manifest, cawgTrust, trust.validationTime(), log);
    }

    private static void run(Manifest manifest, TrustSettings trust, StatusLog out) {
        if (manifest.signature() == null || manifest.signature().length() > MAX_SIGNATURE_BYTES) {
            out.add("claimSignature.missing", "claim signature missing or too large");
            return;
        }
        CoseSign1 cose;
        try {
            cose = manifest.cose();
        } catch (C2paException e) {
            out.add("claimSignature.mismatch", e.getMessage());
            return;
        }
        byte[] claim = manifest.claim().cbor().toByteArray();
        if (cose.attachedPayload().isPresent() && !java.util.Arrays.equals(cose.attachedPayload().get(), claim)) {
            out.add("claimSignature.mismatch", "the signature carries an attached payload that is not the claim");
            return;
        }
        CBORObject unprotected = unprotectedHeader(cose);
        if (cose.chain().isEmpty()) {
            out.add("claimSignature.mismatch", "claim signature carries no certificate (x5chain)");
            return;
        }
        Optional<List<X509Certificate>> parsed = Certificates.parseAll(cose.chain());
        if (parsed.isEmpty()) {
            out.add("signingCredential.invalid", "certificate could not be parsed");
            out.add("claimSignature.mismatch", "claim signature is not valid");
            return;
        }
        List<X509Certificate> chain = parsed.get();
        X509Certificate leaf = chain.getFirst();
        TrustContext ctx = TrustContext.of(trust);
        Instant now = trust.validationTime();

        // time-stamp: v1 claims are not checked for time-stamp trust (as the reference)
        boolean claimV1 = manifest.claim().version() < 2;
        boolean tsTrust = trust.verifyTimestampTrust() && !claimV1;
        TimeStamps.Result ts = TimeStamps.validate(unprotected, claim, cose.protectedHeader(), cose.signature(),
                tsTrust, ctx);
        Instant signingTime = ts.time().orElse(null);

        // stapled OCSP (its own time-stamp reading uses the unadjusted trust setting)
        Optional<byte[]> ocsp = StapledOcsp.stapled(unprotected);
        if (ocsp.isPresent()) {
            Instant ocspTime = tsTrust == trust.verifyTimestampTrust() ? signingTime
                    : TimeStamps.validate(unprotected, claim, cose.protectedHeader(), cose.signature(),
                    trust.verifyTimestampTrust(), ctx).time().orElse(null);
            StapledOcsp.check(ocsp.get(), chain, ocspTime, now, ctx).ifPresent(code -> out.add(code,
                    code.endsWith("notRevoked") ? "signing cert not revoked" : "signing cert revoked"));
        } else {
            out.add("signingCredential.ocsp.skipped", "OCSP fetching skipped");
        }
        out.addAll(ts.log());

        Optional<CoseAlgorithm> alg = cose.alg().flatMap(CoseAlgorithm::of);
        if (alg.isEmpty()) {
            out.add("algorithm.unsupported", "unsupported or missing Cose algorithm");
            out.add("claimSignature.mismatch", "claim signature is not valid");
            return;
        }
        if (alg.get().isEcdsa() && CoseAlgorithm.looksLikeDerEcdsa(cose.signature())) {
            out.add("signingCredential.invalid",
                    "unsupported signature format (EC signature should be in P1363 r|s format)");
            out.add("claimSignature.mismatch", "claim signature is not valid");
            return;
        }
        Certificates.checkEndEntityProfile(leaf, ctx.ekus(), signingTime != null ? signingTime : now, out);
        if (trust.verifyTrust()) {
            if (Certificates.trusted(chain, ctx.anchors(), ctx.allowed(), ctx.ekus(), signingTime)) {
                out.add("signingCredential.trusted", "signing certificate trusted");
            } else {
                out.add("signingCredential.untrusted", "signing certificate untrusted");
            }
        }
        byte[] tbs = CoseAlgorithm.sigStructure(cose.protectedHeader(), new byte[0], claim);
        if (!alg.get().verify(leaf.getPublicKey(), cose.signature(), tbs)) {
            out.add("claimSignature.mismatch", "claim signature is not valid");
            return;
        }
        out.add("claimSignature.insideValidity", "claim signature valid");
        out.add("claimSignature.validated", "claim signature valid");
    }

    /** The COSE_Sign1's unprotected header map, or null. */
    static CBORObject unprotectedHeader(CoseSign1 cose) {
        try {
            CBORObject o = CBORObject.DecodeFromBytes(cose.raw().toByteArray());
            if (o.HasMostOuterTag(CoseSign1.TAG)) {
                o = o.UntagOne();
            }
            if (o.getType() != CBORType.Array || o.size() != 4) {
                return null;
            }
            CBORObject u = o.get(1);
            return u.getType() == CBORType.Map ? u : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
