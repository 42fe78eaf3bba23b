package io.assay.cli;

import io.assay.c2pa.C2paException;
import io.assay.c2pa.remote.AddressPolicy;
import io.assay.c2pa.sign.ManifestBuilder;
import io.assay.c2pa.sign.PemSigner;
import io.assay.c2pa.sign.Pkcs12Signer;
import io.assay.c2pa.sign.Rfc3161Client;
import io.assay.c2pa.sign.SignedAsset;
import io.assay.c2pa.sign.Signer;
import io.assay.c2pa.sign.SignerException;
import io.assay.c2pa.sign.SigningAlgorithm;
import io.assay.core.evidence.DigitalSourceType;
import io.assay.core.media.AssetLimits;
import io.assay.core.media.AssetRejectedException;
import io.assay.core.media.MediaAsset;
import io.assay.server.sign.SigningService;
import io.assay.server.sign.Watermarking;
import io.assay.watermark.assay.AssayWatermarkKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code assay sign IN OUT}: labels a generated asset at creation. Optionally embeds Assay's invisible watermark in the
 * pixels first, then writes Content Credentials (a signed C2PA manifest naming the digital source type and the
 * generator) and IPTC XMP. The output is written to a temporary file and moved into place, so a failure never leaves
 * a half-written file.
 */
@Command(name = "sign", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Sign a generated asset with Content Credentials (C2PA), IPTC metadata and optionally an invisible watermark.")
final class SignCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN", description = "The asset to sign (JPEG, PNG, WebP, WAV, MP3, MP4, MOV, M4A, HEIC, HEIF, AVIF).")
    Path input;

    @Parameters(index = "1", paramLabel = "OUT", description = "Where to write the signed asset.")
    Path output;

    @Option(names = "--source-type", paramLabel = "TYPE", defaultValue = "trainedAlgorithmicMedia",
            description = "IPTC digital source type, short name or IRI (default: ${DEFAULT-VALUE}).")
    String sourceType;

    @Option(names = "--generator", paramLabel = "NAME/VERSION", required = true,
            description = "The model or tool that generated the content, e.g. \"ExampleModel/1.2\".")
    String generator;

    @Option(names = "--edit", description = "Record an edit of IN (c2pa.opened + c2pa.edited) rather than a creation. "
            + "Implied when IN already carries Content Credentials.")
    boolean edit;

    @Option(names = "--cert", paramLabel = "CHAIN.pem", description = "Certificate chain, PEM, signer first.")
    Path cert;

    @Option(names = "--key", paramLabel = "KEY.pem", description = "The signer's private key, PEM (PKCS#8, SEC1 or PKCS#1).")
    Path key;

    @Option(names = "--pkcs12", paramLabel = "STORE.p12", description = "A PKCS#12 keystore instead of --cert/--key.")
    Path pkcs12;

    @Option(names = "--alias", paramLabel = "ALIAS", description = "The keystore entry (default: the only key entry).")
    String alias;

    @Option(names = "--password-env", paramLabel = "VAR", defaultValue = "ASSAY_KEYSTORE_PASSWORD",
            description = "Environment variable holding the keystore password (default: ${DEFAULT-VALUE}).")
    String passwordEnv;

    @Option(names = "--alg", paramLabel = "ALG",
            description = "es256, es384, es512, ps256, ps384, ps512 or ed25519 (default: from the key).")
    String alg;

    @Option(names = "--tsa", paramLabel = "URL", description = "RFC 3161 time-stamp authority to time-stamp the signature.")
    URI tsa;

    @Option(names = "--tsa-allow-private", description = "Let --tsa reach a private or loopback address (a TSA on your own network).")
    boolean tsaAllowPrivate;

    @Option(names = "--title", paramLabel = "TEXT", description = "dc:title of the claim.")
    String title;

    @Option(names = "--remote-manifest", paramLabel = "URL", description = "Where the manifest will also be published; written as XMP dcterms:provenance.")
    String remoteManifest;

    @Option(names = "--no-iptc", description = "Do not write IPTC XMP metadata.")
    boolean noIptc;

    @Option(names = "--watermark", description = "Embed Assay's invisible watermark (digital source type + generator id) "
            + "in the pixels before signing, so the label survives metadata stripping and re-encoding (JPEG, PNG).")
    boolean watermark;

    @Option(names = "--watermark-generator-id", paramLabel = "N", defaultValue = "0",
            description = "The generator id carried by the watermark, 0..16777215 (default: ${DEFAULT-VALUE}).")
    int watermarkGeneratorId;

    @Option(names = "--watermark-key-env", paramLabel = "VAR",
            description = "Environment variable holding the watermark key passphrase (default: Assay's public key, "
                    + "which every Assay detects).")
    String watermarkKeyEnv;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            DigitalSourceType type = DigitalSourceType.parse(sourceType).orElseThrow(() ->
                    new IllegalArgumentException("unknown digital source type '" + sourceType + "'"));
            String[] agent = SigningService.splitGenerator(generator);
            Signer signer = signer();
            MediaAsset asset = MediaAsset.open(input, AssetLimits.DEFAULT);
            byte[] bytes = Files.readAllBytes(input);
            ManifestBuilder builder = (edit ? ManifestBuilder.edited(type) : ManifestBuilder.created(type))
                    .softwareAgent(agent[0], agent[1]).title(title == null ? input.getFileName().toString() : title)
                    .remoteManifestUrl(remoteManifest).iptc(!noIptc);
            if (tsa != null) {
                AddressPolicy policy = tsaAllowPrivate ? address -> Optional.empty() : AddressPolicy.PUBLIC_ONLY;
                builder.timeStampAuthority(new Rfc3161Client(tsa, policy, Duration.ofSeconds(15), null));
            }
            byte[] toSign = bytes;
            if (watermark) {
                toSign = new Watermarking(watermarkKey(), AssetLimits.DEFAULT.maxPixels())
                        .apply(bytes, asset.mediaType(), type, watermarkGeneratorId);
                builder.derivedFrom(bytes, asset.mediaType());
            }
            SignedAsset signed = builder.sign(toSign, asset.mediaType(), signer);
            Path tmp = Files.createTempFile(output.toAbsolutePath().getParent(), ".assay-sign", ".tmp");
            try {
                Files.write(tmp, signed.bytes());
                Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            out.println("signed " + output + ": " + signed.manifestLabel() + " (" + signer.algorithm().name()
                    .toLowerCase(Locale.ROOT) + ", " + type.code() + (signed.parentManifest() == null ? ""
                    : ", parent " + signed.parentManifest()) + ")");
            if (watermark) {
                out.println("  Assay watermark embedded (generator id " + watermarkGeneratorId + ")");
            }
            signed.notes().forEach(n -> out.println("  " + n));
            return 0;
        } catch (IllegalArgumentException | SignerException | C2paException | AssetRejectedException e) {
            err.println("assay sign: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("assay sign: " + e.getMessage());
            return 1;
        }
    }

    private AssayWatermarkKey watermarkKey() {
        if (watermarkKeyEnv == null) {
            return AssayWatermarkKey.DEFAULT;
        }
        String passphrase = System.getenv(watermarkKeyEnv);
        if (passphrase == null || passphrase.isEmpty()) {
            throw new IllegalArgumentException("the environment variable " + watermarkKeyEnv + " is not set");
        }
        return AssayWatermarkKey.fromPassphrase(passphrase);
    }

    private Signer signer() throws SignerException {
        SigningAlgorithm algorithm = alg == null ? null : SigningAlgorithm.parse(alg);
        if (pkcs12 != null) {
            if (cert != null || key != null) {
                throw new IllegalArgumentException("give either --pkcs12 or --cert and --key, not both");
            }
            String password = System.getenv(passwordEnv);
            return Pkcs12Signer.load(pkcs12, password == null ? new char[0] : password.toCharArray(), alias, algorithm);
        }
        if (cert == null || key == null) {
            throw new IllegalArgumentException("--cert and --key (or --pkcs12) are required");
        }
        return algorithm == null ? PemSigner.load(key, cert) : PemSigner.load(key, cert, algorithm);
    }
}
