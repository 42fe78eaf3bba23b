package io.assay.server.coord;

import io.assay.coord.detect.AccountNetwork;
import io.assay.coord.detect.CampaignDetector;
import io.assay.coord.detect.CoordinationResult;
import io.assay.coord.detect.CoordinationSettings;
import io.assay.coord.report.Campaign;
import io.assay.coord.share.ShareTable;
import io.assay.core.policy.Label;
import io.assay.server.AssayProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs assay-coord's batch method over the shares of the lookback, on a schedule (and on demand): campaigns found are
 * stored, continuing an earlier campaign when most of its accounts are the same, and a campaign pushing election-risk
 * media raises an alert once. Batch re-detection over a sliding lookback (instead of incremental community updates)
 * keeps the result equal to what {@code assay coord} finds on the same shares; one run over a day of a large
 * platform's media shares takes seconds (see assay-coord's benchmark).
 */
@Service
public class CampaignDetection implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CampaignDetection.class);
    /** A new community continues a stored campaign when their account sets overlap at least this much (Jaccard). */
    static final double SAME_CAMPAIGN = 0.5;
    private static final Set<String> AI_LABELS = Set.of(Label.AI_GENERATED.id(), Label.LIKELY_AI.id());

    private final ShareRepository shares;
    private final CampaignRepository campaigns;
    private final ShareIntake intake;
    private final AssayProperties.Coordination settings;
    private final CoordinationSettings method;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;
    private final Timer runTimer;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "assay-coordination");
        t.setDaemon(true);
        return t;
    });

    public CampaignDetection(ShareRepository shares, CampaignRepository campaigns, ShareIntake intake,
                             AssayProperties props, ApplicationEventPublisher events, MeterRegistry meters) {
        this.shares = shares;
        this.campaigns = campaigns;
        this.intake = intake;
        this.settings = props.coordination();
        this.method = new CoordinationSettings(settings.window(), settings.minParticipation(), settings.edgePercentile(),
                CoordinationSettings.DEFAULT.minSymmetry(), settings.significance(), CoordinationSettings.DEFAULT.resolution(),
                CoordinationSettings.DEFAULT.seed(), settings.minCampaignAccounts());
        this.events = events;
        this.meters = meters;
        this.runTimer = Timer.builder("assay.coordination.run").description("One campaign detection run").register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (settings.enabled()) {
            long every = settings.interval().toMillis();
            scheduler.scheduleWithFixedDelay(this::runQuietly, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** One detection run now (runs never overlap). */
    public synchronized DetectionRun detectNow() {
        if (!settings.enabled()) {
            throw new IllegalStateException("coordination is off (assay.coordination.enabled=false)");
        }
        long t0 = System.nanoTime();
        Instant now = clock.instant();
        shares.purgeBefore(now.minus(settings.retention()));
        campaigns.purgeBefore(now.minus(settings.retention()));
        intake.expireClusters();

        Instant since = now.minus(settings.lookback());
        ShareTable table = new ShareTable();
        int read = shares.scan(since, settings.maxShares(), table::add);
        if (read == settings.maxShares()) {
            log.warn("coordination: the lookback holds more than {} shares; only the newest were read "
                    + "(raise assay.coordination.max-shares or shorten the lookback)", settings.maxShares());
        }
        List<Campaign> found = List.of();
        List<AccountNetwork.Edge> coordinated = List.of();
        if (table.size() > 0) {
            CoordinationResult result = new CampaignDetector(method).detect(table);
            found = result.campaigns();
            coordinated = result.network().coordinatedEdges();
        }
        List<CampaignRecord> earlier = new ArrayList<>(campaigns.detectedSince(since));
        int created = 0;
        int alerts = 0;
        for (Campaign c : found) {
            Set<String> members = new HashSet<>(c.accounts());
            List<CampaignRecord.Edge> edges = coordinated.stream()
                    .filter(e -> members.contains(e.a()) && members.contains(e.b()))
                    .map(e -> new CampaignRecord.Edge(e.a(), e.b(), e.weight(), round(e.avgDeltaSeconds()), round(e.symmetry())))
                    .toList();
            boolean highRisk = shares.anyHighRisk(c.accounts(), c.objects(), since);
            CampaignRecord continued = bestMatch(members, earlier);
            CampaignRecord record = new CampaignRecord(continued != null ? continued.id() : UUID.randomUUID(),
                    continued != null ? continued.firstDetectedAt() : now, now, c.accounts(), c.objects(), c.labels(),
                    edges, c.shares(), c.firstShare(), c.lastShare(), round(c.meanDeltaSeconds()),
                    highRisk ? "high" : "normal", List.of());
            if (continued != null) {
                earlier.remove(continued); // one community continues one campaign
                campaigns.update(record);
            } else {
                campaigns.insert(record);
                created++;
            }
            for (AlertRecord a : alertsFor(record, now)) {
                if (campaigns.insertAlert(a)) {
                    alerts++;
                    meters.counter("assay.coordination.alerts", "reason", a.reason()).increment();
                    log.warn("coordination alert: campaign {} of {} accounts pushes {} ({} shares, {} objects)",
                            record.id(), record.accounts().size(), a.reason(), record.shares(), record.objects().size());
                    events.publishEvent(new CampaignAlertRaised(a, record));
                }
            }
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        runTimer.record(java.time.Duration.ofMillis(millis));
        DetectionRun run = new DetectionRun(now, read, found.size(), created, alerts, millis);
        log.debug("coordination: {}", run);
        return run;
    }

    /** Election-risk media a campaign pushes: a banked deepfake, or AI media scanned at high election risk. */
    static List<AlertRecord> alertsFor(CampaignRecord c, Instant now) {
        List<AlertRecord> out = new ArrayList<>();
        Map<String, Integer> labels = c.labels();
        if (labels.containsKey(Label.KNOWN_DEEPFAKE.id())) {
            out.add(new AlertRecord(UUID.randomUUID(), c.id(), now, "high", "known-deepfake", labels));
        }
        if ("high".equals(c.electionRisk()) && labels.keySet().stream().anyMatch(AI_LABELS::contains)) {
            out.add(new AlertRecord(UUID.randomUUID(), c.id(), now, "high", "ai-media-election-risk", labels));
        }
        return out;
    }

    private static CampaignRecord bestMatch(Set<String> members, List<CampaignRecord> earlier) {
        CampaignRecord best = null;
        double bestScore = SAME_CAMPAIGN;
        for (CampaignRecord e : earlier) {
            int common = 0;
            for (String a : e.accounts()) {
                if (members.contains(a)) {
                    common++;
                }
            }
            double jaccard = common / (double) (members.size() + e.accounts().size() - common);
            if (jaccard >= bestScore) {
                best = e;
                bestScore = jaccard;
            }
        }
        return best;
    }

    private void runQuietly() {
        try {
            detectNow();
        } catch (RuntimeException e) {
            log.warn("coordination: detection run failed: {}", e.getMessage());
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
