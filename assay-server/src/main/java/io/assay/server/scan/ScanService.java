package io.assay.server.scan;

import io.assay.core.media.AssetLimits;
import io.assay.core.media.AssetRejectedException;
import io.assay.core.media.MediaAsset;
import io.assay.core.scan.ScanContext;
import io.assay.core.scan.ScanPipeline;
import io.assay.core.scan.Verdict;
import io.assay.server.api.ProblemHandler.UploadTooLargeException;
import io.assay.server.coord.ShareIntake;
import io.assay.server.retro.RetroHunt;
import io.assay.server.sighting.SightingService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/** Spools an upload to a temporary file, scans it, stores the verdict, and counts it. */
@Service
public class ScanService {

    private static final Logger log = LoggerFactory.getLogger(ScanService.class);

    private final ScanPipeline pipeline;
    private final ScanRepository repository;
    private final AssetLimits limits;
    private final MeterRegistry meters;
    private final Timer scanTimer;

    private final RetroHunt retroHunt;
    private final SightingService sightings;
    private final io.assay.server.review.ReviewQueue reviews;
    private final ShareIntake shares;
    private final org.springframework.context.ApplicationEventPublisher events;

    public ScanService(ScanPipeline pipeline, ScanRepository repository, AssetLimits limits, MeterRegistry meters,
                       RetroHunt retroHunt, SightingService sightings, io.assay.server.review.ReviewQueue reviews,
                       ShareIntake shares, org.springframework.context.ApplicationEventPublisher events) {
        this.shares = shares;
        this.events = events;
        this.reviews = reviews;
        this.retroHunt = retroHunt;
        this.sightings = sightings;
        this.pipeline = pipeline;
        this.repository = repository;
        this.limits = limits;
        this.meters = meters;
        this.scanTimer = Timer.builder("assay.scan.duration").description("Time to scan one asset, analyzers and policy")
                .publishPercentileHistogram().register(meters);
    }

    public Verdict scan(InputStream upload, String name, ScanContext context, UUID apiKeyId)
            throws IOException, AssetRejectedException {
        Path tmp = Uploads.spool(upload, limits);
        try {
            return scanFile(tmp, name, context, apiKeyId);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public Verdict scanFile(Path file, String name, ScanContext context, UUID apiKeyId) throws AssetRejectedException {
        MediaAsset asset;
        try {
            asset = MediaAsset.open(file, name, limits);
        } catch (AssetRejectedException e) {
            meters.counter("assay.scans.rejected", "reason", e.reason().id()).increment();
            throw e;
        }
        Verdict scanned = scanTimer.record(() -> pipeline.scan(asset, context));
        // A reviewer who decided about these exact bytes has the last word, through the policy like any evidence.
        Verdict verdict = reviews.decisionFor(scanned.asset().sha256())
                .map(d -> pipeline.withEvidence(scanned, List.of(io.assay.core.evidence.Evidence.decision(
                        "review", d.label(), d.decidedBy(), d.decidedAt(), d.note()))))
                .orElse(scanned);
        meters.counter("assay.scans", "label", verdict.label().id(), "media_kind", asset.mediaType().kind().name().toLowerCase())
                .increment();
        Verdict stored = repository.save(verdict, apiKeyId);
        retroHunt.record(stored); // its hashes stay searchable for copies of deepfakes flagged later
        sightings.recordMatches(stored);
        reviews.fromVerdict(stored);
        try {
            shares.fromVerdict(stored); // the upload is a share for coordination analysis when it names an account
        } catch (RuntimeException e) {
            log.warn("coordination: share of scan {} not recorded: {}", stored.id(), e.getMessage());
        }
        events.publishEvent(new VerdictStored(stored));
        return stored;
    }
}
