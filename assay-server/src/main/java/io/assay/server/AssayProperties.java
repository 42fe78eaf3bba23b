package io.assay.server;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Assay's server settings ({@code assay.*} in application properties, environment variables such as
 * {@code ASSAY_DB_URL}, or {@code assay serve} options).
 *
 * @param dataDir         where the embedded database and server state live (survives restarts)
 * @param db              an external PostgreSQL; when {@code url} is empty the embedded one is started
 * @param policy          the label policy file and the incident-mode switch
 * @param limits          upload and image size limits
 * @param analyzerTimeout the time budget of one scan's analyzers
 * @param apiKey          an API key to accept (stored hashed); when none exists and this is empty, one is made
 * @param demo            load demo data at start
 * @param analyzers       analyzer settings, e.g. {@code assay.analyzers[c2pa.trust-anchors]=/etc/assay/roots.pem}
 * @param signing         the service's signing identity for {@code POST /v1/sign}; signing is off without one
 * @param retroHunt       how long the signals of scanned uploads are kept for retro-hunts
 */
@ConfigurationProperties("assay")
public record AssayProperties(
        Path dataDir,
        Db db,
        Policy policy,
        Limits limits,
        Duration analyzerTimeout,
        String apiKey,
        boolean demo,
        java.util.Map<String, String> analyzers,
        Signing signing,
        RetroHunt retroHunt) {

    public AssayProperties {
        dataDir = dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".assay");
        db = db != null ? db : new Db(null, null, null, 0);
        policy = policy != null ? policy : new Policy(null, null);
        limits = limits != null ? limits : new Limits(null, 0);
        analyzerTimeout = analyzerTimeout != null ? analyzerTimeout : Duration.ofSeconds(10);
        analyzers = analyzers != null ? java.util.Map.copyOf(analyzers) : java.util.Map.of();
        signing = signing != null ? signing : new Signing(null, null, null, null, null, null, null, false, null, null, 0);
        retroHunt = retroHunt != null ? retroHunt : new RetroHunt(null);
    }

    /** @param retention how long an upload's signals stay searchable (default 90 days) */
    public record RetroHunt(Duration retention) {
        public RetroHunt {
            retention = retention != null ? retention : Duration.ofDays(90);
            if (retention.isNegative() || retention.isZero()) {
                throw new IllegalArgumentException("assay.retro-hunt.retention must be positive");
            }
        }
    }

    /** @param embeddedPort the embedded server's port; 0 picks a free one */
    public record Db(String url, String user, String password, int embeddedPort) {
        public boolean external() {
            return url != null && !url.isBlank();
        }
    }

    /** @param incidentMode overrides the policy file's {@code incidentMode} when set */
    public record Policy(Path file, Boolean incidentMode) {
    }

    public record Limits(DataSize maxUpload, long maxPixels) {
        public Limits {
            maxUpload = maxUpload != null ? maxUpload : DataSize.ofMegabytes(512);
            maxPixels = maxPixels > 0 ? maxPixels : 200_000_000L;
        }
    }

    /**
     * The signing identity of {@code POST /v1/sign}: a PEM chain and key, or a PKCS#12 keystore (its password from
     * {@code ASSAY_SIGNING_PASSWORD}); the algorithm (default: from the key); an optional RFC 3161 time-stamp authority.
     *
     * @param tsaAllowPrivate let the TSA be on a private or loopback address
     * @param maxBytes        the largest asset signed (held in memory while signing); default 256 MB
     * @param watermarkKey    passphrase of the watermark key (default: Assay's public key, which every Assay detects)
     * @param watermarkGeneratorId the generator id the watermark carries
     */
    public record Signing(Path cert, Path key, Path pkcs12, String alias, String password, String alg,
                          java.net.URI tsa, boolean tsaAllowPrivate, DataSize maxBytes, String watermarkKey,
                          int watermarkGeneratorId) {
        public Signing {
            maxBytes = maxBytes != null ? maxBytes : DataSize.ofMegabytes(256);
        }

        public boolean configured() {
            return pkcs12 != null || (cert != null && key != null);
        }
    }
}
