package io.assay.c2pa.validation.credential;

import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A stapled OCSP response ({@code rVals: {ocspVals: [response]}} in the unprotected header), checked as the reference
 * does without fetching anything: the response must be signed by its first certificate, that responder must pass
 * the certificate profile (OCSPSigning) and chain to a trust anchor, and its single response for the signer must be
 * "good" at the signing time. Reports {@code signingCredential.ocsp.notRevoked} or {@code signingCredential.revoked},
 * or nothing when the response cannot be relied on.
 */
final class StapledOcsp {

    private static final int MAX_RESPONSES = 64;

    private StapledOcsp() {
    }

    /** The first stapled OCSP response, when there is one. */
    static Optional<byte[]> stapled(CBORObject unprotected) {
        if (unprotected == null || unprotected.getType() != CBORType.Map) {
            return Optional.empty();
        }
        CBORObject rvals = unprotected.get("rVals");
        if (rvals == null || rvals.getType() != CBORType.Map) {
            return Optional.empty();
        }
        CBORObject vals = rvals.get("ocspVals");
        if (vals == null || vals.getType() != CBORType.Array || vals.size() == 0
                || vals.get(0).getType() != CBORType.ByteString) {
            return Optional.empty();
        }
        return Optional.of(vals.get(0).GetByteString());
    }

    /** The status code to report, if any. */
    static Optional<String> check(byte[] der, List<X509Certificate> signerChain, Instant signingTime, Instant now,
                                  TrustContext trust) {
        try {
            return evaluate(der, signerChain, signingTime, now, trust);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static Optional<String> evaluate(byte[] der, List<X509Certificate> signerChain, Instant signingTime,
                                             Instant now, TrustContext trust) throws Exception {
        OCSPResp resp = new OCSPResp(der);
        if (resp.getStatus() != OCSPResp.SUCCESSFUL || !(resp.getResponseObject() instanceof BasicOCSPResp basic)) {
            return Optional.empty();
        }
        X509CertificateHolder[] holders = basic.getCerts();
        if (holders == null || holders.length == 0) {
            return Optional.empty();
        }
        if (!basic.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(TimeStamps.BC)
                .build(holders[0]))) {
            return Optional.empty();
        }
        List<X509Certificate> ocspCerts = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (int i = 0; i < Math.min(holders.length, Certificates.MAX_CHAIN); i++) {
            ocspCerts.add(converter.getCertificate(holders[i]));
        }
        String status = null;
        if (signerChain.size() >= 2) {
            X509Certificate leaf = signerChain.get(0);
            X509CertificateHolder issuer = new JcaX509CertificateHolder(signerChain.get(1));
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().setProvider(TimeStamps.BC).build();
            SingleResp[] responses = basic.getResponses();
            for (int i = 0; i < Math.min(responses.length, MAX_RESPONSES); i++) {
                SingleResp single = responses[i];
                if (!single.getCertID().getSerialNumber().equals(leaf.getSerialNumber())
                        || !single.getCertID().matchesIssuer(issuer, digests)) {
                    continue;
                }
                CertificateStatus cs = single.getCertStatus();
                if (cs == CertificateStatus.GOOD) {
                    Instant thisUpdate = single.getThisUpdate().toInstant();
                    Instant nextUpdate = single.getNextUpdate() != null ? single.getNextUpdate().toInstant()
                            : basic.getProducedAt().toInstant().plus(Duration.ofDays(1));
                    boolean inRange = signingTime != null
                            ? signingTime.isBefore(thisUpdate) || !signingTime.isAfter(nextUpdate)
                            : !now.isBefore(thisUpdate);
                    if (inRange) {
                        status = "signingCredential.ocsp.notRevoked";
                        break;
                    }
                    status = "signingCredential.revoked";
                } else if (cs instanceof RevokedStatus revoked) {
                    Instant revokedAt = revoked.getRevocationTime().toInstant();
                    boolean removeFromCrl = revoked.hasRevocationReason()
                            && revoked.getRevocationReason() == CRLReason.removeFromCRL;
                    if (removeFromCrl) {
                        if (!revokedAt.isAfter(signingTime != null ? signingTime : now)) {
                            status = "signingCredential.revoked";
                        }
                    } else if (revoked.hasRevocationReason()) {
                        if (signingTime != null && signingTime.isBefore(revokedAt)) {
                            status = null;
                            break;
                        }
                        status = "signingCredential.revoked";
                    } else {
                        status = "signingCredential.revoked";
                    }
                } else if (cs instanceof UnknownStatus) {
                    // the reference logs ocsp.unknown internally but does not report it
                    continue;
                }
            }
        }
        // the responder must itself be a valid, trusted OCSP signer
        Set<String> ocspEku = Set.of(Certificates.EKU_OCSP_SIGNING);
        X509Certificate responder = ocspCerts.getFirst();
        if (!Certificates.checkEndEntityProfile(responder, ocspEku, signingTime != null ? signingTime : now,
                new StatusLog())) {
            return Optional.empty();
        }
        List<X509Certificate> chain = new ArrayList<>(ocspCerts);
        if (ocspCerts.size() == 1 && signerChain.size() >= 2
                && responder.getIssuerX500Principal().equals(signerChain.get(1).getSubjectX500Principal())) {
            chain.addAll(signerChain.subList(1, signerChain.size()));
        }
        if (!Certificates.trusted(chain, trust.anchors(), trust.allowed(), ocspEku, signingTime)) {
            return Optional.empty();
        }
        return Optional.ofNullable(status);
    }
}
