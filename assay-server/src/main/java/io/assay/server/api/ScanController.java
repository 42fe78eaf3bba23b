package io.assay.server.api;

import io.assay.core.media.AssetRejectedException;
import io.assay.core.scan.ScanContext;
import io.assay.core.scan.Verdict;
import io.assay.server.api.ProblemHandler.BadRequestException;
import io.assay.server.api.ProblemHandler.NotFoundException;
import io.assay.server.scan.ScanRepository;
import io.assay.server.scan.ScanService;
import io.assay.server.security.ApiKeyFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST /v1/scans} takes the media either as the raw request body (context in query parameters or an
 * {@code X-Assay-Context} JSON header) or as multipart form data (a {@code file} part and an optional {@code context}
 * JSON part). It answers 201 with the verdict; {@code GET /v1/scans/{id}} returns the stored verdict.
 */
@RestController
@RequestMapping("/v1/scans")
public class ScanController {

    private static final int MAX_TEXT = 10_000;

    private final ScanService scans;
    private final ScanRepository repository;
    private final JsonMapper json;

    public ScanController(ScanService scans, ScanRepository repository, JsonMapper json) {
        this.scans = scans;
        this.repository = repository;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Verdict> scanMultipart(@RequestPart("file") MultipartFile file,
                                                 @RequestPart(value = "context", required = false) String context,
                                                 HttpServletRequest request) throws IOException, AssetRejectedException {
        ScanContext ctx = context == null ? ScanContext.NONE : parseContext(context);
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload" : file.getOriginalFilename();
        try (InputStream in = file.getInputStream()) {
            return created(scans.scan(in, name, ctx, keyOf(request)));
        }
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Verdict> scanBody(HttpServletRequest request,
                                            @RequestParam(required = false) String name,
                                            @RequestParam(required = false) String platform,
                                            @RequestParam(required = false) String account,
                                            @RequestParam(required = false) String postId,
                                            @RequestParam(required = false) String caption,
                                            @RequestParam(required = false) String election,
                                            @RequestParam(required = false) String region,
                                            @RequestParam(required = false) List<String> candidate)
            throws IOException, AssetRejectedException {
        String header = request.getHeader("X-Assay-Context");
        ScanContext ctx = header != null ? parseContext(header)
                : checked(new ScanContext(platform, account, postId, caption, election, region, candidate));
        String fileName = name != null ? name : dispositionName(request.getHeader(HttpHeaders.CONTENT_DISPOSITION));
        try (InputStream in = request.getInputStream()) {
            return created(scans.scan(in, fileName, ctx, keyOf(request)));
        }
    }

    @GetMapping(value = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> get(@PathVariable String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("no scan with id " + truncate(id, 80));
        }
        return repository.findJson(uuid).map(body -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body))
                .orElseThrow(() -> new NotFoundException("no scan with id " + uuid));
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> recent(@RequestParam(required = false) String label,
                                         @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw new BadRequestException("limit must be within 1..500");
        }
        String body = "[" + String.join(",", repository.recentJson(label, limit)) + "]";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private ResponseEntity<Verdict> created(Verdict v) {
        return ResponseEntity.created(URI.create("/v1/scans/" + v.id())).body(v);
    }

    private ScanContext parseContext(String text) {
        if (text.length() > 4 * MAX_TEXT) {
            throw new BadRequestException("the context is too long");
        }
        try {
            return checked(json.readValue(text, ScanContext.class));
        } catch (JacksonException e) {
            throw new BadRequestException("the context is not valid JSON of the form "
                    + "{\"platform\":…,\"account\":…,\"postId\":…,\"caption\":…,\"election\":…,\"region\":…,\"candidates\":[…]}: "
                    + e.getOriginalMessage());
        }
    }

    private static ScanContext checked(ScanContext c) {
        for (String s : new String[]{c.platform(), c.account(), c.postId(), c.election(), c.region()}) {
            if (s != null && s.length() > 500) {
                throw new BadRequestException("context fields are limited to 500 characters");
            }
        }
        if (c.caption() != null && c.caption().length() > MAX_TEXT) {
            throw new BadRequestException("the caption is limited to " + MAX_TEXT + " characters");
        }
        if (c.candidates().size() > 100) {
            throw new BadRequestException("at most 100 candidates");
        }
        return c;
    }

    private static String dispositionName(String header) {
        if (header != null) {
            try {
                String f = ContentDisposition.parse(header).getFilename();
                if (f != null && !f.isBlank()) {
                    return truncate(f, 255);
                }
            } catch (IllegalArgumentException ignored) {
                // an unparseable header only loses the display name
            }
        }
        return "upload";
    }

    private static UUID keyOf(HttpServletRequest request) {
        return (UUID) request.getAttribute(ApiKeyFilter.KEY_ID);
    }

    private static String truncate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n) + "...";
    }
}
