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
 * @param coordination    coordinated-sharing detection over the shares the server sees
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
        RetroHunt retroHunt,
        Coordination coordination) {

    public AssayProperties {
        dataDir = dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".assay");
        db = db != null ? db : new Db(null, null, null, 0);
        policy = policy != null ? policy : new Policy(null, null);
        limits = limits != null ? limits : new Limits(null, 0);
        analyzerTimeout = analyzerTimeout != null ? analyzerTimeout : Duration.ofSeconds(10);
        analyzers = analyzers != null ? java.util.Map.copyOf(analyzers) : java.util.Map.of();
        signing = signing != null ? signing : new Signing(null, null, null, null, null, null, null, false, null, null, 0);
        retroHunt = retroHunt != null ? retroHunt : new RetroHunt(null);
        coordination = coordination != null ? coordination
                : new Coordination(null, null, null, null, null, 0, null, null, 0, 0, 0);
    }

    /**
     * Coordinated sharing ({@code assay.coordination.*}); the detection parameters default to assay-coord's.
     *
     * @param enabled          record shares and run detection (default true)
     * @param window           two shares of one object are a co-share when at most this far apart (default 10 s)
     * @param lookback         each detection run looks at the shares of this last period (default 24 h)
     * @param retention        shares older than this are deleted (default 7 days; at least the lookback)
     * @param interval         time between detection runs (default 1 min)
     * @param minParticipation accounts with fewer shares in the lookback are ignored (default 2)
     * @param edgePercentile   coordinated edges are above this weight quantile (default 0.90)
     * @param significance     and improbable by chance at this level (default 0.05; 1 turns the test off)
     * @param minCampaignAccounts smallest campaign reported (default 3)
     * @param pdqDistance      uploads within this PDQ distance are one media object (default 31)
     * @param maxShares        the most shares one run reads (newest first; default 5,000,000)
     */
    public record Coordination(Boolean enabled, Duration window, Duration lookback, Duration retention,
                               Duration interval, int minParticipation, Double edgePercentile, Double significance,
                               int minCampaignAccounts, int pdqDistance, int maxShares) {
        public Coordination {
            enabled = enabled == null || enabled;
            window = window != null ? window : Duration.ofSeconds(10);
            lookback = lookback != null ? lookback : Duration.ofHours(24);
            retention = retention != null ? retention : Duration.ofDays(7);
            interval = interval != null ? interval : Duration.ofMinutes(1);
            minParticipation = minParticipation > 0 ? minParticipation : 2;
            edgePercentile = edgePercentile != null ? edgePercentile : 0.90;
            significance = significance != null ? significance : 0.05;
            minCampaignAccounts = minCampaignAccounts > 0 ? minCampaignAccounts : 3;
            pdqDistance = pdqDistance > 0 ? pdqDistance : 31;
            maxShares = maxShares > 0 ? maxShares : 5_000_000;
            if (retention.compareTo(lookback) < 0) {
                throw new IllegalArgumentException("assay.coordination.retention must be at least the lookback");
            }
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("assay.coordination.interval must be positive");
            }
        }
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
