package io.assay.c2pa.validation.credential;

import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.tsp.Accuracy;
import org.bouncycastle.asn1.tsp.TSTInfo;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessable;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSVerifierCertificateNotValidException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * RFC 3161 time-stamps in a claim signature's unprotected header: {@code sigTst} (v1: the token covers the claim) and
 * {@code sigTst2} (v2: it covers the signature), each a {@code {"tstTokens": [{"val": token}]}} map whose token's
 * message imprint is the hash of a COSE CounterSignature structure. Validated with BouncyCastle's CMS, logging the
 * reference's {@code timeStamp.*} codes.
 */
final class TimeStamps {

    static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private static final ASN1ObjectIdentifier TST_INFO = PKCSObjectIdentifiers.id_ct_TSTInfo;
    private static final Map<String, String> DIGESTS = Map.of(
            "1.3.14.3.2.26", "SHA-1", "2.16.840.1.101.3.4.2.1", "SHA-256",
            "2.16.840.1.101.3.4.2.2", "SHA-384", "2.16.840.1.101.3.4.2.3", "SHA-512");

    /**
     * @param present whether the signature carries a time-stamp at all
     * @param time    the time-stamp's time when it validated (and, with trust checking, is trusted)
     * @param log     the statuses to report
     */
    record Result(boolean present, Optional<Instant> time, StatusLog log) {
        static Result none() {
            return new Result(false, Optional.empty(), new StatusLog());
        }
    }

    private TimeStamps() {
    }

    static Result validate(CBORObject unprotected, byte[] claim, byte[] protectedHeader, byte[] signature,
                           boolean verifyTrust, TrustContext trust) {
        if (unprotected == null || unprotected.getType() != CBORType.Map) {
            return Result.none();
        }
        CBORObject container = unprotected.get("sigTst2");
        byte[] data;
        if (container != null) {
            data = CoseAlgorithm.cborBytes(signature);
        } else {
            container = unprotected.get("sigTst");
            data = claim;
        }
        if (container == null) {
            return Result.none();
        }
        StatusLog log = new StatusLog();
        CBORObject tokens = container.getType() == CBORType.Map ? container.get("tstTokens") : null;
        if (tokens == null || tokens.getType() != CBORType.Array) {
            return new Result(true, Optional.empty(), log);
        }
        if (tokens.size() > 1) {
            log.add("timeStamp.malformed", "only a single timestamp response is allowed in a manifest");
            return new Result(true, Optional.empty(), log);
        }
        if (tokens.size() == 0) {
            return new Result(true, Optional.empty(), log);
        }
        CBORObject token = tokens.get(0);
        CBORObject val = token.getType() == CBORType.Map ? token.get("val") : null;
        if (val == null || val.getType() != CBORType.ByteString) {
            return new Result(true, Optional.empty(), log);
        }
        byte[] tbs = CoseAlgorithm.counterSignatureStructure(protectedHeader, data);
        Optional<Instant> time;
        try {
            time = verifyToken(val.GetByteString(), tbs, verifyTrust, trust, log);
        } catch (RuntimeException e) {
            log.add("timeStamp.malformed", "could not parse timestamp data");
            time = Optional.empty();
        }
        return new Result(true, time, log);
    }

    /** The SignedData of a TimeStampResp or of a bare TimeStampToken, or empty. */
    private static Optional<CMSSignedData> signedData(byte[] ts) {
        ASN1Primitive p;
        try {
            p = ASN1Primitive.fromByteArray(ts);
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
        ContentInfo token = null;
        try {
            TimeStampResp resp = TimeStampResp.getInstance(p);
            int status = resp.getStatus().getStatus().intValue();
            if (status != 0 && status != 1) {
                return Optional.empty();
            }
            token = resp.getTimeStampToken();
        } catch (RuntimeException notAResponse) {
            try {
                token = ContentInfo.getInstance(p);
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        if (token == null || !token.getContentType().equals(PKCSObjectIdentifiers.signedData)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CMSSignedData(token));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    static Optional<Instant> verifyToken(byte[] ts, byte[] data, boolean verifyTrust, TrustContext trust,
                                         StatusLog log) {
        Optional<CMSSignedData> maybe = signedData(ts);
        if (maybe.isEmpty()) {
            log.add("timeStamp.malformed", "could not parse timestamp data");
            return Optional.empty();
        }
        CMSSignedData sd = maybe.get();
        Collection<X509CertificateHolder> holders = sd.getCertificates().getMatches(null);
        if (holders.isEmpty()) {
            log.add("timeStamp.untrusted", "time stamp contains no certificates");
            return Optional.empty();
        }
        List<X509CertificateHolder> certHolders = new ArrayList<>(holders);
        List<X509Certificate> certs = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (X509CertificateHolder h : certHolders) {
            try {
                certs.add(converter.getCertificate(h));
            } catch (Exception e) {
                log.add("timeStamp.untrusted", "time stamp certificate could not be processed");
                return Optional.empty();
            }
        }
        StatusLog current = new StatusLog();
        int signers = 0;
        for (SignerInformation signer : sd.getSignerInfos().getSigners()) {
            if (++signers > 8) {
                break;
            }
            current = new StatusLog();
            int pos = -1;
            for (int i = 0; i < certHolders.size(); i++) {
                if (signer.getSID().match(certHolders.get(i))) {
                    pos = i;
                    break;
                }
            }
            if (pos < 0) {
                continue;
            }
            X509Certificate cert = certs.get(pos);
            String cn = commonName(cert);
            TSTInfo tst = tstInfo(sd);
            if (tst == null) {
                current.add("timeStamp.malformed", "timestamp response had no TstInfo");
                continue;
            }
            Instant signingTime;
            try {
                signingTime = tst.getGenTime().getDate().toInstant();
            } catch (java.text.ParseException | RuntimeException e) {
                current.add("timeStamp.malformed", "timestamp response had no TstInfo");
                continue;
            }
            AttributeTable attrs = signer.getSignedAttributes();
            if (attrs != null) {
                Attribute st = attrs.get(CMSAttributes.signingTime);
                if (st != null && st.getAttrValues().size() == 1) {
                    try {
                        signingTime = Time.getInstance(st.getAttrValues().getObjectAt(0)).getDate().toInstant();
                    } catch (RuntimeException ignored) {
                        // an unreadable signing time leaves the TSTInfo's time
                    }
                }
                Attribute md = attrs.get(CMSAttributes.messageDigest);
                if (md == null) {
                    current.add("timeStamp.malformed", "timestamp no message digest");
                    continue;
                }
                if (md.getAttrValues().size() != 1) {
                    current.add("timeStamp.malformed", "timestamp response contained multiple message digests");
                    continue;
                }
                ASN1Encodable v = md.getAttrValues().getObjectAt(0);
                if (!(v instanceof ASN1OctetString signedDigest)) {
                    current.add("timeStamp.malformed", "timestamp could not decode signed message data");
                    continue;
                }
                String alg = DIGESTS.get(signer.getDigestAlgOID());
                if (alg == null) {
                    current.add("timeStamp.malformed", "timestamp bad message digest algorithm");
                    continue;
                }
                byte[] content = content(sd);
                if (!Arrays.equals(signedDigest.getOctets(), digest(alg, content == null ? new byte[0] : content))) {
                    current.add("timeStamp.mismatch", "timestamp bad message digest");
                    continue;
                }
            }
            boolean signatureOk;
            boolean certValidAtSigning = true;
            try {
                signatureOk = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(cert));
            } catch (CMSVerifierCertificateNotValidException e) {
                signatureOk = true;
                certValidAtSigning = false;
            } catch (Exception e) {
                signatureOk = false;
            }
            if (!signatureOk) {
                signatureOk = verifyOverDerAttributes(signer, cert);
            }
            if (!signatureOk) {
                current.add("timeStamp.untrusted", "timestamp signed data did not match signature");
                continue;
            }
            long margin = accuracySeconds(tst.getAccuracy());
            Instant from = cert.getNotBefore().toInstant().minusSeconds(margin);
            Instant to = cert.getNotAfter().toInstant().plusSeconds(margin);
            if (!certValidAtSigning || signingTime.isBefore(from) || signingTime.isAfter(to)) {
                current.add("timeStamp.outsideValidity", "timestamp signer outside of certificate validity");
                continue;
            }
            String imprintAlg = DIGESTS.get(tst.getMessageImprint().getHashAlgorithm().getAlgorithm().getId());
            if (imprintAlg == null) {
                current.add("timeStamp.untrusted", "timestamp unknown message digest algorithm");
                continue;
            }
            if (Arrays.equals(digest(imprintAlg, data), tst.getMessageImprint().getHashedMessage())) {
                current.add("timeStamp.validated", "timestamp message digest matched: " + cn);
            } else {
                current.add("timeStamp.mismatch", "timestamp message digest did not match: " + cn);
                continue;
            }
            if (verifyTrust) {
                List<X509Certificate> chain = orderFrom(cert, certs);
                Set<String> tsEku = Set.of(Certificates.EKU_TIME_STAMPING);
                if (!Certificates.checkEndEntityProfile(cert, tsEku, signingTime, current)
                        || !Certificates.trusted(chain, trust.tsaAnchors(), trust.allowed(), tsEku, signingTime)) {
                    current.add("timeStamp.untrusted", "timestamp cert untrusted: " + cn);
                    continue;
                }
                current.add("timeStamp.trusted", "timestamp cert trusted: " + cn);
            } else {
                current.add("timeStamp.trusted", "timestamp cert trusted (not checked): " + cn);
            }
            log.addAll(current);
            return Optional.of(signingTime);
        }
        log.addAll(current);
        return Optional.empty();
    }

    /**
     * The reference verifies the signature over the DER re-encoding of the signed attributes; BouncyCastle uses them
     * as stored. A token whose stored attributes are not in DER order therefore verifies only this way.
     */
    private static boolean verifyOverDerAttributes(SignerInformation signer, X509Certificate cert) {
        try {
            var attrs = signer.toASN1Structure().getAuthenticatedAttributes();
            String digest = DIGESTS.get(signer.getDigestAlgOID());
            if (attrs == null || digest == null) {
                return false;
            }
            String keyAlg = cert.getPublicKey().getAlgorithm();
            String jca = switch (keyAlg) {
                case "EC" -> digest.replace("-", "") + "withECDSA";
                case "RSA" -> digest.replace("-", "") + "withRSA";
                case "Ed25519", "EdDSA" -> "Ed25519";
                default -> null;
            };
            if (jca == null) {
                return false;
            }
            byte[] signature = signer.getSignature();
            if (keyAlg.equals("EC") && !CoseAlgorithm.looksLikeDerEcdsa(signature) && signature.length % 2 == 0) {
                // some writers store the ECDSA signature as r||s, which the reference accepts too
                signature = CoseAlgorithm.p1363ToDer(signature);
            }
            java.security.Signature sig = java.security.Signature.getInstance(jca);
            sig.initVerify(cert.getPublicKey());
            sig.update(new org.bouncycastle.asn1.DERSet(attrs.toArray()).getEncoded("DER"));
            return sig.verify(signature);
        } catch (Exception e) {
            return false;
        }
    }

    private static byte[] content(CMSSignedData sd) {
        CMSProcessable c = sd.getSignedContent();
        if (c == null) {
            return null;
        }
        Object o = c.getContent();
        return o instanceof byte[] b ? b : null;
    }

    private static TSTInfo tstInfo(CMSSignedData sd) {
        if (!TST_INFO.equals(sd.getSignedContentTypeOID() == null ? null
                : new ASN1ObjectIdentifier(sd.getSignedContentTypeOID()))) {
            return null;
        }
        byte[] content = content(sd);
        if (content == null) {
            return null;
        }
        try {
            return TSTInfo.getInstance(ASN1Primitive.fromByteArray(content));
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private static long accuracySeconds(Accuracy accuracy) {
        if (accuracy == null) {
            return 0;
        }
        long s = accuracy.getSeconds() == null ? 0 : accuracy.getSeconds().longValueExact();
        boolean fraction = (accuracy.getMillis() != null && accuracy.getMillis().intValueExact() > 0)
                || (accuracy.getMicros() != null && accuracy.getMicros().intValueExact() > 0);
        return Math.max(0, Math.min(s + (fraction ? 1 : 0), 86_400L));
    }

    /** The token's certificates from {@code leaf} towards its root, following issuer names. */
    static List<X509Certificate> orderFrom(X509Certificate leaf, List<X509Certificate> pool) {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(leaf);
        X509Certificate current = leaf;
        while (chain.size() < Certificates.MAX_CHAIN
                && !current.getIssuerX500Principal().equals(current.getSubjectX500Principal())) {
            X509Certificate next = null;
            for (X509Certificate c : pool) {
                if (!chain.contains(c) && c.getSubjectX500Principal().equals(current.getIssuerX500Principal())) {
                    next = c;
                    break;
                }
            }
            if (next == null) {
                break;
            }
            chain.add(next);
            current = next;
        }
        return chain;
    }

    static byte[] digest(String alg, byte[] data) {
        try {
            return MessageDigest.getInstance(alg).digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String commonName(X509Certificate cert) {
        try {
            for (javax.naming.ldap.Rdn rdn : new javax.naming.ldap.LdapName(
                    cert.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdn.getValue());
                }
            }
        } catch (javax.naming.InvalidNameException | RuntimeException e) {
            return "";
        }
        return "";
    }
}
