package io.assay.server.sign;

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
import io.assay.core.media.MediaType;
import io.assay.server.AssayProperties;
import io.assay.server.scan.Uploads;
import io.assay.watermark.assay.AssayWatermarkKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Signs uploads with the service's own identity (configuration, never the request): Assay watermark first when asked,
 * then Content Credentials and IPTC XMP. The signer is loaded once at start so a bad key fails the start-up log,
 * not a request.
 */
@Service
public class SigningService {

    private static final Logger log = LoggerFactory.getLogger(SigningService.class);

    private final AssayProperties.Signing settings;
    private final AssetLimits limits;
    private final Optional<Signer> signer;
    private final Optional<String> problem;
    private final Watermarking watermarking;

    public SigningService(AssayProperties properties) {
        this.settings = properties.signing();
        this.limits = AssetLimits.DEFAULT.withMaxBytes(settings.maxBytes().toBytes());
        Optional<Signer> s = Optional.empty();
        Optional<String> why = Optional.of("signing is not configured (assay.signing.cert and assay.signing.key, "
                + "or assay.signing.pkcs12)");
        if (settings.configured()) {
            try {
                s = Optional.of(load(settings));
                why = Optional.empty();
                log.info("signing as {} with {}", s.get().certificateChain().getFirst().getSubjectX500Principal(),
                        s.get().algorithm());
            } catch (SignerException | RuntimeException e) {
                why = Optional.of("the signing identity cannot be used: " + e.getMessage());
                log.error("POST /v1/sign is off: {}", why.get());
            }
        }
        this.signer = s;
        this.problem = why;
        this.watermarking = new Watermarking(settings.watermarkKey() == null || settings.watermarkKey().isEmpty()
                ? AssayWatermarkKey.DEFAULT : AssayWatermarkKey.fromPassphrase(settings.watermarkKey()),
                properties.limits().maxPixels());
    }

    /** What a sign request asks for. */
    public record Request(DigitalSourceType sourceType, String generatorName, String generatorVersion, String title,
                          boolean edit, String remoteManifestUrl, boolean iptc, boolean watermark) {
    }

    /**
     * A generator named {@code "Name/1.2"} as {@code [Name, 1.2]}; a name without a version keeps a null version.
     *
     * @throws IllegalArgumentException when it names nothing
     */
    public static String[] splitGenerator(String generator) {
        String s = generator == null ? "" : generator.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("the generator (the model or tool, e.g. \"ExampleModel/1.2\") is required");
        }
        int slash = s.lastIndexOf('/');
        if (slash <= 0 || slash == s.length() - 1) {
            return new String[]{s, null};
        }
        return new String[]{s.substring(0, slash), s.substring(slash + 1)};
    }

    /** The signed asset and its media type. */
    public record Result(SignedAsset signed, MediaType type) {
    }

    public boolean available() {
        return signer.isPresent();
    }

    public Optional<String> unavailableReason() {
        return problem;
    }

    public Result sign(InputStream body, String name, Request request)
            throws IOException, AssetRejectedException, C2paException, SignerException {
        Signer s = signer.orElseThrow(() -> new SigningUnavailableException(problem.orElse("signing is off")));
        Path tmp = Uploads.spool(body, limits);
        try {
            MediaAsset asset = MediaAsset.open(tmp, name, limits);
            byte[] bytes = Files.readAllBytes(tmp);
            ManifestBuilder builder = (request.edit() ? ManifestBuilder.edited(request.sourceType())
                    : ManifestBuilder.created(request.sourceType()))
                    .softwareAgent(request.generatorName(), request.generatorVersion())
                    .title(request.title() != null ? request.title() : name)
                    .remoteManifestUrl(request.remoteManifestUrl()).iptc(request.iptc());
            if (settings.tsa() != null) {
                AddressPolicy policy = settings.tsaAllowPrivate() ? a -> Optional.empty() : AddressPolicy.PUBLIC_ONLY;
                builder.timeStampAuthority(new Rfc3161Client(settings.tsa(), policy, Duration.ofSeconds(15), null));
            }
            byte[] toSign = bytes;
            if (request.watermark()) {
                toSign = watermarking.apply(bytes, asset.mediaType(), request.sourceType(),
                        settings.watermarkGeneratorId());
                builder.derivedFrom(bytes, asset.mediaType());
            }
            return new Result(builder.sign(toSign, asset.mediaType(), s), asset.mediaType());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Signer load(AssayProperties.Signing c) throws SignerException {
        SigningAlgorithm alg = c.alg() == null || c.alg().isBlank() ? null : SigningAlgorithm.parse(c.alg());
        if (c.pkcs12() != null) {
            String password = c.password() != null ? c.password() : System.getenv("ASSAY_SIGNING_PASSWORD");
            return Pkcs12Signer.load(c.pkcs12(), password == null ? new char[0] : password.toCharArray(), c.alias(), alg);
        }
        return alg == null ? PemSigner.load(c.key(), c.cert()) : PemSigner.load(c.key(), c.cert(), alg);
    }

    /** Signing was asked for but the service has no usable identity. */
    public static final class SigningUnavailableException extends RuntimeException {
        public SigningUnavailableException(String message) {
            super(message);
        }
    }
}
