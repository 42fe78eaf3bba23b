package io.assay.c2pa.validation.credential;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The C2PA certificate profile (C2PA 2.x, "X.509 certificates") and chain trust, with the same rules and the same
 * status codes as the reference implementation (c2pa-rs): the chain carried in the signature is checked link by link
 * and is trusted when one of its certificates is issued by a trust anchor, or when the end-entity certificate is on
 * the allowed list.
 */
final class Certificates {

    static final String EKU_ANY = "2.5.29.37.0";
    static final String EKU_SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    static final String EKU_CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    static final String EKU_CODE_SIGNING = "1.3.6.1.5.5.7.3.3";
    static final String EKU_EMAIL = "1.3.6.1.5.5.7.3.4";
    static final String EKU_TIME_STAMPING = "1.3.6.1.5.5.7.3.8";
    static final String EKU_OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";

    /** The C2PA default signer EKUs (the reference's built-in list). */
    static final Set<String> DEFAULT_EKUS = Set.of(EKU_EMAIL, "1.3.6.1.5.5.7.3.36", EKU_TIME_STAMPING,
            EKU_OCSP_SIGNING, "1.3.6.1.4.1.311.76.59.1.9", "1.3.6.1.4.1.62558.2.1");

    private static final Set<String> KNOWN_EKUS = Set.of(EKU_ANY, EKU_SERVER_AUTH, EKU_CLIENT_AUTH,
            EKU_CODE_SIGNING, EKU_EMAIL, EKU_TIME_STAMPING, EKU_OCSP_SIGNING);

    private static final Set<String> CERT_SIG_ALGS = Set.of(
            "1.2.840.113549.1.1.11", "1.2.840.113549.1.1.12", "1.2.840.113549.1.1.13", // sha*WithRSAEncryption
            "1.2.840.10045.4.3.2", "1.2.840.10045.4.3.3", "1.2.840.10045.4.3.4", // ecdsa-with-SHA*
            "1.2.840.113549.1.1.10", "1.3.101.112"); // RSASSA-PSS, Ed25519
    private static final String RSA_PSS = "1.2.840.113549.1.1.10";
    private static final String RSA = "1.2.840.113549.1.1.1";
    private static final String EC_PUBLIC_KEY = "1.2.840.10045.2.1";
    private static final Set<String> SHA2 = Set.of("2.16.840.1.101.3.4.2.1", "2.16.840.1.101.3.4.2.2",
            "2.16.840.1.101.3.4.2.3");
    private static final Set<String> CURVES = Set.of("1.2.840.10045.3.1.7", "1.3.132.0.34", "1.3.132.0.35");

    /** Extensions the reference understands; an unknown critical extension fails the profile. */
    private static final Set<String> HANDLED_EXTENSIONS = Set.of("2.5.29.35", "2.5.29.14", "2.5.29.15", "2.5.29.32",
            "2.5.29.33", "2.5.29.17", "2.5.29.19", "2.5.29.30", "2.5.29.36", "2.5.29.37", "2.5.29.31", "2.5.29.54",
            "1.3.6.1.5.5.7.1.1", "2.16.840.1.113730.1.1", "2.5.29.20", "2.5.29.21", "2.5.29.24");

    static final int MAX_CHAIN = 16;

    private Certificates() {
    }

    static Optional<X509Certificate> parse(byte[] der) {
        try {
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der)));
        } catch (CertificateException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Parses every certificate, or returns empty when one of them is unreadable. */
    static Optional<List<X509Certificate>> parseAll(List<byte[]> ders) {
        List<X509Certificate> out = new ArrayList<>();
        for (byte[] der : ders.subList(0, Math.min(ders.size(), MAX_CHAIN))) {
            Optional<X509Certificate> c = parse(der);
            if (c.isEmpty()) {
                return Optional.empty();
            }
            out.add(c.get());
        }
        return Optional.of(out);
    }

    /** Base64 of the SHA-256 of the DER, as the reference keys its allowed list. */
    static String fingerprint(X509Certificate cert) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (NoSuchAlgorithmException | java.security.cert.CertificateEncodingException e) {
            return "";
        }
    }

    static boolean isCa(X509Certificate cert) {
        return cert.getBasicConstraints() >= 0;
    }

    static boolean validAt(X509Certificate cert, Instant time) {
        Date d = Date.from(time);
        return !d.before(cert.getNotBefore()) && !d.after(cert.getNotAfter());
    }

    private static List<String> ekus(X509Certificate cert) throws CertificateParsingException {
        List<String> list = cert.getExtendedKeyUsage();
        return list == null ? null : list;
    }

    /** The reference's "has an allowed EKU": emailProtection, timeStamping, OCSPSigning, or a configured other one. */
    static boolean hasAllowedEku(List<String> ekus, Set<String> configured) {
        if (ekus.contains(EKU_EMAIL) || ekus.contains(EKU_TIME_STAMPING) || ekus.contains(EKU_OCSP_SIGNING)) {
            return true;
        }
        return ekus.stream().filter(e -> !KNOWN_EKUS.contains(e)).anyMatch(configured::contains);
    }

    /**
     * Checks an end-entity certificate against the C2PA certificate profile, at {@code time}; logs
     * {@code signingCredential.expired} or {@code signingCredential.invalid} and returns false when it fails.
     */
    static boolean checkEndEntityProfile(X509Certificate cert, Set<String> configuredEkus, Instant time, StatusLog log) {
        if (!checkProfile(cert, configuredEkus, time, log)) {
            return false;
        }
        if (isCa(cert)) {
            log.add("signingCredential.invalid", "expected end-entity certificate");
            return false;
        }
        return true;
    }

    static boolean checkProfile(X509Certificate cert, Set<String> configuredEkus, Instant time, StatusLog log) {
        try {
            return profile(cert, configuredEkus, time, log);
        } catch (CertificateParsingException | RuntimeException e) {
            log.add("signingCredential.invalid", "certificate could not be parsed");
            return false;
        }
    }

    private static boolean profile(X509Certificate cert, Set<String> configuredEkus, Instant time, StatusLog log)
            throws CertificateParsingException {
        if (cert.getVersion() != 3) {
            return invalid(log, "certificate version incorrect");
        }
        if (!validAt(cert, time)) {
            log.add("signingCredential.expired", "certificate expired");
            return false;
        }
        String sigAlg = cert.getSigAlgOID();
        if (!CERT_SIG_ALGS.contains(sigAlg)) {
            return invalid(log, "certificate algorithm not supported");
        }
        if (sigAlg.equals(RSA_PSS)) {
            byte[] params = cert.getSigAlgParams();
            if (params == null) {
                return invalid(log, "certificate missing algorithm parameters");
            }
            RSASSAPSSparams pss;
            try {
                pss = RSASSAPSSparams.getInstance(ASN1Primitive.fromByteArray(params));
            } catch (java.io.IOException | RuntimeException e) {
                return false;
            }
            String hash = pss.getHashAlgorithm().getAlgorithm().getId();
            ASN1ObjectIdentifier mgfHash;
            try {
                mgfHash = org.bouncycastle.asn1.x509.AlgorithmIdentifier
                        .getInstance(pss.getMaskGenAlgorithm().getParameters()).getAlgorithm();
            } catch (RuntimeException e) {
                return false;
            }
            if (!hash.equals(mgfHash.getId())) {
                return invalid(log, "certificate algorithm error");
            }
            if (!SHA2.contains(hash)) {
                return invalid(log, "certificate hash algorithm not supported");
            }
        }
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(cert.getPublicKey().getEncoded());
        String keyAlg = spki.getAlgorithm().getAlgorithm().getId();
        if (keyAlg.equals(EC_PUBLIC_KEY)) {
            if (!(spki.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve)) {
                return false;
            }
            if (!CURVES.contains(curve.getId())) {
                return invalid(log, "certificate unsupported EC curve");
            }
        }
        if (keyAlg.equals(RSA) || keyAlg.equals(RSA_PSS)) {
            PublicKey key = cert.getPublicKey();
            if (!(key instanceof RSAPublicKey rsa)) {
                return false;
            }
            if (rsa.getModulus().bitLength() < 2048) {
                return invalid(log, "certificate key length too short");
            }
        }
        boolean ca = isCa(cert);
        if (ca && cert.getIssuerX500Principal().equals(cert.getSubjectX500Principal())) {
            return invalid(log, "certificate issuer and subject cannot be the same (self-signed disallowed)");
        }
        if (cert.getIssuerUniqueID() != null || cert.getSubjectUniqueID() != null) {
            return invalid(log, "certificate issuer/subject unique ids are not allowed");
        }
        boolean ekuGood;
        List<String> ekus = ekus(cert);
        if (ekus != null) {
            if (ekus.contains(EKU_ANY)) {
                return invalid(log, "certificate 'any' EKU not allowed");
            }
            if (!hasAllowedEku(ekus, configuredEkus)) {
                return invalid(log, "certificate missing required EKU");
            }
            boolean ocsp = ekus.contains(EKU_OCSP_SIGNING);
            boolean ts = ekus.contains(EKU_TIME_STAMPING);
            boolean others = ekus.contains(EKU_CLIENT_AUTH) || ekus.contains(EKU_CODE_SIGNING)
                    || ekus.contains(EKU_EMAIL) || ekus.contains(EKU_SERVER_AUTH)
                    || ekus.stream().anyMatch(e -> !KNOWN_EKUS.contains(e));
            if ((ocsp && ts) || ((ocsp ^ ts) && others)) {
                return invalid(log, "certificate invalid set of EKUs");
            }
            ekuGood = true;
        } else {
            ekuGood = ca;
        }
        boolean aki = cert.getExtensionValue("2.5.29.35") != null;
        boolean ski = cert.getExtensionValue("2.5.29.14") != null;
        boolean kuGood = false;
        boolean[] ku = cert.getKeyUsage();
        if (ku != null) {
            boolean digitalSignature = ku.length > 0 && ku[0];
            boolean nonRepudiation = ku.length > 1 && ku[1];
            boolean keyCertSign = ku.length > 5 && ku[5];
            if (digitalSignature) {
                if (keyCertSign && !ca) {
                    return invalid(log, "certificate missing digitalSignature EKU");
                }
                kuGood = true;
            }
            if (keyCertSign || nonRepudiation) {
                kuGood = true;
            }
        }
        boolean criticalHandled = cert.getCriticalExtensionOIDs() == null
                || HANDLED_EXTENSIONS.containsAll(cert.getCriticalExtensionOIDs());
        boolean skiGood = !ca || ski;
        if (aki && skiGood && kuGood && ekuGood && criticalHandled) {
            return true;
        }
        return invalid(log, "certificate params incorrect");
    }

    private static boolean invalid(StatusLog log, String why) {
        log.add("signingCredential.invalid", why);
        return false;
    }

    /**
     * Whether the chain (end entity first) is trusted: the end entity is on the allowed list, or it carries an allowed
     * EKU, each certificate is signed by the next, and one of them is issued (and signed) by an anchor. With a
     * {@code signingTime}, every certificate of the chain must be valid then (as the reference, no time is checked
     * when there is none).
     */
    static boolean trusted(List<X509Certificate> chain, List<X509Certificate> anchors, Set<String> allowedFingerprints,
                           Set<String> configuredEkus, Instant signingTime) {
        if (chain.isEmpty()) {
            return false;
        }
        X509Certificate leaf = chain.getFirst();
        if (allowedFingerprints.contains(fingerprint(leaf))) {
            return true;
        }
        if (anchors.isEmpty()) {
            return false;
        }
        try {
            List<String> ekus = ekus(leaf);
            if (ekus == null || !hasAllowedEku(ekus, configuredEkus)) {
                return false;
            }
        } catch (CertificateParsingException e) {
            return false;
        }
        List<X509Certificate> bounded = chain.subList(0, Math.min(chain.size(), MAX_CHAIN));
        for (int i = 1; i < bounded.size(); i++) {
            if (!signedBy(bounded.get(i - 1), bounded.get(i).getPublicKey())) {
                return false;
            }
        }
        for (int i = bounded.size() - 1; i >= 0; i--) {
            X509Certificate c = bounded.get(i);
            if (signingTime != null && !validAt(c, signingTime)) {
                return false;
            }
            for (X509Certificate anchor : anchors) {
                if (c.getIssuerX500Principal().equals(anchor.getSubjectX500Principal())
                        && signedBy(c, anchor.getPublicKey())) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean signedBy(X509Certificate cert, PublicKey issuerKey) {
        try {
            cert.verify(issuerKey);
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
