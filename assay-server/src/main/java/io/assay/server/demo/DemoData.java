package io.assay.server.demo;

import io.assay.core.media.AssetRejectedException;
import io.assay.core.policy.WatchedElection;
import io.assay.core.scan.ScanContext;
import io.assay.server.AssayProperties;
import io.assay.server.scan.ScanRepository;
import io.assay.server.scan.ScanService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

/**
 * {@code assay serve --demo}: a fictional election on the watch list and a handful of uploads scanned through the
 * real pipeline, so that a new user sees every label and both election-risk levels at once. Loaded into an empty
 * database only.
 */
@Component
@Order(10)
public class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** A fictional election, always active, used when the policy watches none. */
    public static final List<WatchedElection> ELECTIONS = List.of(new WatchedElection("demo-general-election",
            "Demo general election (fictional)", List.of("ZZ"), null, null,
            List.of("Alex Rivera", "Sam Okafor"), List.of("election", "ballot", "polling station", "vote")));

    private final AssayProperties props;
    private final ScanService scans;
    private final ScanRepository repository;

    public DemoData(AssayProperties props, ScanService scans, ScanRepository repository) {
        this.props = props;
        this.scans = scans;
        this.repository = repository;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!props.demo()) {
            return;
        }
        if (repository.count() > 0) {
            log.info("Demo: the database already holds scans; no demo data added");
            return;
        }
        String sd = """
                a photo of a candidate shaking hands with a crowd, press photo, 35mm
                Negative prompt: blurry, watermark
                Steps: 28, Sampler: DPM++ 2M Karras, CFG scale: 7, Seed: 1234567, Size: 320x240, Model: sdxl_base_1.0""";
        scan("rally-render.png", DemoMedia.withPngText(DemoMedia.picture("png", Color.ORANGE, Color.BLUE, 1), "parameters", sd),
                ctx("demo-social", "acct-1842", "post-9001", "Alex Rivera caught on camera at last night's rally!"));
        scan("ballot-box-composite.png", DemoMedia.withPngXmp(DemoMedia.picture("png", Color.GRAY, Color.WHITE, 2),
                        DemoMedia.xmpWithSourceType("compositeWithTrainedAlgorithmicMedia")),
                new ScanContext("demo-social", "acct-77", "post-9002", "Look what they found at the polling station",
                        null, "ZZ", List.of()));
        scan("press-photo.jpg", DemoMedia.withJpegXmp(DemoMedia.picture("jpg", Color.CYAN, Color.DARK_GRAY, 3),
                        DemoMedia.xmpWithSourceType("digitalCapture")),
                ctx("demo-news", "newsroom", "post-9003", "Sam Okafor speaks to reporters"));
        scan("landscape.png", DemoMedia.picture("png", Color.GREEN, Color.YELLOW, 4),
                ctx("demo-social", "acct-5", "post-9004", "Sunday hike"));
        scan("generated-poster.jpg", DemoMedia.withJpegXmp(DemoMedia.picture("jpg", Color.MAGENTA, Color.BLACK, 5),
                        DemoMedia.xmpWithSourceType("trainedAlgorithmicMedia")),
                ctx("demo-social", "acct-3", "post-9005", "Poster for the art fair"));
        log.info("Demo: scanned 5 demo uploads; a fictional election is on the watch list");
    }

    private static ScanContext ctx(String platform, String account, String post, String caption) {
        return new ScanContext(platform, account, post, caption, null, null, List.of());
    }

    private void scan(String name, byte[] bytes, ScanContext ctx) throws IOException {
        try {
            scans.scan(new ByteArrayInputStream(bytes), name, ctx, null);
        } catch (AssetRejectedException e) {
            throw new IllegalStateException("demo media " + name + " was rejected: " + e.getMessage(), e);
        }
    }
}
