package io.assay.server.console;

import io.assay.core.media.AssetLimits;
import io.assay.core.media.AssetRejectedException;
import io.assay.core.media.MediaAsset;
import io.assay.core.scan.ScanContext;
import io.assay.core.scan.Verdict;
import io.assay.server.bank.BankRepository;
import io.assay.server.scan.ScanRepository;
import io.assay.server.scan.ScanService;
import io.assay.server.scan.Uploads;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * "Check a file": an analyst drops a file (or, when allowed, gives a URL) and sees the verdict as a platform would
 * label it, with every piece of evidence. The scan goes through the same {@link ScanService} as {@code POST /v1/scans}.
 */
@Controller
@ConsolePage
public class CheckController {

    private final ScanService scans;
    private final ScanRepository repository;
    private final ConsoleQueries queries;
    private final BankRepository banks;
    private final AssetLimits limits;
    private final JsonMapper json;
    private final JdbcClient jdbc;
    private final UrlFetcher fetcher;
    private final ConsoleProperties props;

    public CheckController(ScanService scans, ScanRepository repository, ConsoleQueries queries, BankRepository banks,
                           AssetLimits limits, JsonMapper json, JdbcClient jdbc, UrlFetcher fetcher, ConsoleProperties props) {
        this.scans = scans;
        this.repository = repository;
        this.queries = queries;
        this.banks = banks;
        this.limits = limits;
        this.json = json;
        this.jdbc = jdbc;
        this.fetcher = fetcher;
        this.props = props;
    }

    @GetMapping("/")
    String page(Model model) {
        model.addAttribute("recent", queries.recentScans(20));
        model.addAttribute("fetchUrls", props.fetchUrls());
        return "check";
    }

    @PostMapping("/check")
    String check(@RequestParam(value = "file", required = false) MultipartFile file,
                 @RequestParam(value = "url", required = false) String url,
                 @RequestParam(value = "platform", required = false) String platform,
                 @RequestParam(value = "caption", required = false) String caption,
                 @RequestParam(value = "region", required = false) String region,
                 Authentication auth, HttpServletRequest request, Model model) throws IOException {
        ScanContext ctx = new ScanContext(blank(platform), "console:" + auth.getName(), null, blank(caption), null,
                blank(region), List.of());
        Path tmp;
        String name;
        if (file != null && !file.isEmpty()) {
            name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload" : file.getOriginalFilename();
            try (InputStream in = file.getInputStream()) {
                tmp = spool(in);
            }
        } else if (url != null && !url.isBlank()) {
            if (!props.fetchUrls()) {
                throw new ConsoleException(HttpStatus.BAD_REQUEST,
                        "This server does not fetch files from URLs (assay.console.fetch-urls is off). Download the file and drop it here instead.");
            }
            UrlFetcher.Fetched f = fetcher.fetch(url.trim());
            tmp = f.file();
            name = f.name();
        } else {
            throw new ConsoleException(HttpStatus.BAD_REQUEST, "Choose a file to check.");
        }
        try {
            Verdict v;
            try {
                v = scans.scanFile(tmp, name, ctx, null);
            } catch (AssetRejectedException e) {
                throw new ConsoleException(HttpStatus.UNPROCESSABLE_ENTITY, "The file cannot be checked: " + e.getMessage());
            }
            Optional<ManifestTree.Node> tree;
            String preview;
            try {
                MediaAsset asset = MediaAsset.open(tmp, name, limits);
                tree = ManifestTree.of(asset);
                preview = preview(tmp, asset.mediaType().kind().name());
            } catch (AssetRejectedException e) {
                tree = Optional.empty();
                preview = null;
            }
            jdbc.sql("insert into console_scan_view (scan_id, preview, tree) values (:id, :preview, cast(:tree as json)) on conflict do nothing")
                    .param("id", UUID.fromString(v.id())).param("preview", preview)
                    .param("tree", tree.map(json::writeValueAsString).orElse(null)).update();
            return "redirect:/scans/" + v.id();
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @GetMapping("/scans/{id}")
    String scan(@PathVariable String id, Model model) {
        UUID uuid = ConsolePaths.uuid(id, "scan");
        String text = repository.findJson(uuid)
                .orElseThrow(() -> new ConsoleException(HttpStatus.NOT_FOUND, "There is no scan " + uuid + "."));
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> verdict = json.readValue(text, java.util.Map.class);
        record View(String preview, String tree) {
        }
        View view = jdbc.sql("select preview, tree::text from console_scan_view where scan_id = :id").param("id", uuid)
                .query((rs, i) -> new View(rs.getString(1), rs.getString(2))).optional().orElse(new View(null, null));
        model.addAttribute("v", VerdictView.of(verdict, banks));
        model.addAttribute("preview", view.preview());
        model.addAttribute("tree", view.tree() == null ? null : json.readValue(view.tree(), ManifestTree.Node.class));
        return "scan";
    }

    private Path spool(InputStream in) throws IOException {
        try {
            return Uploads.spool(in, limits);
        } catch (io.assay.server.api.ProblemHandler.UploadTooLargeException e) {
            throw new ConsoleException(HttpStatus.PAYLOAD_TOO_LARGE, "The file cannot be checked: " + e.getMessage());
        }
    }

    /** A small PNG preview of an image, for the result page; null for other media or unreadable images. */
    static String preview(Path file, String kind) {
        if (!kind.equals("IMAGE")) {
            return null;
        }
        try {
            BufferedImage img = ImageIO.read(file.toFile());
            if (img == null) {
                return null;
            }
            double scale = Math.min(1.0, 320.0 / Math.max(img.getWidth(), img.getHeight()));
            int w = Math.max(1, (int) Math.round(img.getWidth() * scale));
            int h = Math.max(1, (int) Math.round(img.getHeight() * scale));
            BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = small.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(img, 0, 0, w, h, null);
            g.dispose();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(small, "png", out);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
