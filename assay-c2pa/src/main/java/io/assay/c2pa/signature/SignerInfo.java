package io.assay.c2pa.signature;

import io.assay.c2pa.C2paException;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Who the claim signature says signed it: the leaf certificate's subject and issuer and the claimed algorithm.
 * Parsed only: neither the signature nor the chain nor trust is checked, so this names a claimed signer, not a
 * proven one.
 *
 * @param subject            the leaf certificate's subject DN (RFC 2253)
 * @param commonName         the subject's CN
 * @param organization       the subject's O
 * @param issuer             the issuer DN (RFC 2253)
 * @param issuerCommonName   the issuer's CN
 * @param serialNumber       the leaf's serial number, decimal
 * @param alg                the claimed COSE algorithm name (ES256 ... Ed25519)
 * @param chainLength        how many certificates the signature carries
 */
public record SignerInfo(String subject, Optional<String> commonName, Optional<String> organization, String issuer,
                         Optional<String> issuerCommonName, String serialNumber, String alg, int chainLength) {

    public static SignerInfo of(CoseSign1 cose) throws C2paException {
        if (cose.chain().isEmpty()) {
            throw new C2paException("claim signature carries no certificate (x5chain)");
        }
        X509Certificate leaf;
        try {
            leaf = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(cose.chain().getFirst()));
        } catch (CertificateException | ClassCastException e) {
            throw new C2paException("claim signature: the signing certificate is not a readable X.509 certificate: "
                    + e.getMessage());
        }
        X500Principal subject = leaf.getSubjectX500Principal();
        X500Principal issuer = leaf.getIssuerX500Principal();
        return new SignerInfo(subject.getName(X500Principal.RFC2253), attribute(subject, "CN"),
                attribute(subject, "O"), issuer.getName(X500Principal.RFC2253), attribute(issuer, "CN"),
                leaf.getSerialNumber().toString(), cose.algName(), cose.chain().size());
    }

    private static Optional<String> attribute(X500Principal p, String type) {
        try {
            for (Rdn rdn : new LdapName(p.getName(X500Principal.RFC2253)).getRdns()) {
                if (rdn.getType().equalsIgnoreCase(type)) {
                    return Optional.of(String.valueOf(rdn.getValue()));
                }
            }
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** "CN, O" (whichever are present), else the subject DN. */
    public String displayName() {
        if (commonName.isEmpty() && organization.isEmpty()) {
            return subject;
        }
        return commonName.map(cn -> organization.map(o -> cn + ", " + o).orElse(cn)).orElseGet(organization::get);
    }
}
