package io.assay.c2pa.testing;

import io.assay.c2pa.sign.PemSigner;
import io.assay.c2pa.sign.Signer;
import io.assay.c2pa.sign.SignerException;
import io.assay.c2pa.sign.SigningAlgorithm;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SignatureException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Signer} whose private key never enters the JVM: every signature is made by an {@code openssl} process,
 * the way a KMS, an HSM or a remote signing service would sign. Stands in for those in tests (ES256, PS256).
 */
public final class OpensslSigner implements Signer {

    private final SigningAlgorithm algorithm;
    private final Path keyFile;
    private final List<X509Certificate> chain;

    public OpensslSigner(SigningAlgorithm algorithm, Path keyFile, Path chainPem) throws Exception {
        if (algorithm != SigningAlgorithm.ES256 && algorithm != SigningAlgorithm.PS256) {
            throw new IllegalArgumentException("this test signer does ES256 and PS256");
        }
        this.algorithm = algorithm;
        this.keyFile = keyFile;
        this.chain = PemSigner.certificates(Files.readString(chainPem));
    }

    @Override
    public SigningAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public List<X509Certificate> certificateChain() {
        return chain;
    }

    @Override
    public int reserveSize() {
        return algorithm == SigningAlgorithm.ES256 ? 64 : 512;
    }

    @Override
    public byte[] sign(byte[] toBeSigned) throws GeneralSecurityException {
        try {
            Path in = Files.createTempFile("assay-tbs", ".bin");
            try {
                Files.write(in, toBeSigned);
                List<String> cmd = algorithm == SigningAlgorithm.ES256
                        ? List.of("openssl", "dgst", "-sha256", "-sign", keyFile.toString(), in.toString())
                        : List.of("openssl", "dgst", "-sha256", "-sigopt", "rsa_padding_mode:pss", "-sigopt",
                        "rsa_pss_saltlen:digest", "-sigopt", "rsa_mgf1_md:sha256", "-sign", keyFile.toString(),
                        in.toString());
                Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                byte[] out = p.getInputStream().readAllBytes();
                if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new SignatureException("openssl failed");
                }
                return algorithm == SigningAlgorithm.ES256 ? rawEcdsa(out, 32) : out;
            } finally {
                Files.deleteIfExists(in);
            }
        } catch (java.io.IOException e) {
            throw new SignatureException("openssl: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignatureException("interrupted");
        }
    }

    /** DER {@code SEQUENCE {r, s}} to COSE's fixed-width {@code r||s}. */
    static byte[] rawEcdsa(byte[] der, int half) {
        ASN1Sequence seq = ASN1Sequence.getInstance(der);
        byte[] out = new byte[2 * half];
        for (int i = 0; i < 2; i++) {
            BigInteger v = ASN1Integer.getInstance(seq.getObjectAt(i)).getValue();
            byte[] b = v.toByteArray();
            int len = Math.min(b.length, half);
            System.arraycopy(b, b.length - len, out, (i + 1) * half - len, len);
        }
        return out;
    }
}
