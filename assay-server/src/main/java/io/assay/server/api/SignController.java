package io.assay.server.api;

import io.assay.c2pa.C2paException;
import io.assay.c2pa.sign.SignerException;
import io.assay.core.evidence.DigitalSourceType;
import io.assay.core.media.AssetRejectedException;
import io.assay.server.api.ProblemHandler.BadRequestException;
import io.assay.server.sign.SigningService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /v1/sign} (authenticated): labels a generated asset at creation with the service's signing identity.
 * Multipart with a {@code file} part and an optional {@code options} JSON part
 * {@code {"sourceType", "generator": "Name/1.2", "title", "edit", "remoteManifestUrl", "iptc", "watermark"}}, or the raw file as
 * the body with the same options as query parameters. Answers 200 with the signed file ({@code Assay-Manifest}
 * names the new manifest).
 */
@RestController
public class SignController {

    private final SigningService signing;
    private final JsonMapper json;

    public SignController(SigningService signing, JsonMapper json) {
        this.signing = signing;
        this.json = json;
    }

    /** The options of a sign request; {@code generator} is required. */
    public record Options(String sourceType, String generator, String title, Boolean edit, String remoteManifestUrl,
                          Boolean iptc, Boolean watermark) {
    }

    @PostMapping(value = "/v1/sign", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<byte[]> signMultipart(@RequestPart("file") MultipartFile file,
                                                @RequestPart(value = "options", required = false) String options)
            throws IOException, AssetRejectedException, C2paException, SignerException {
        Options o = options == null ? new Options(null, null, null, null, null, null, null) : parse(options);
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload"
                : file.getOriginalFilename();
        try (InputStream in = file.getInputStream()) {
            return sign(in, name, o);
        }
    }

    @PostMapping(value = "/v1/sign")
    public ResponseEntity<byte[]> signBody(HttpServletRequest request,
                                           @RequestParam(required = false) String name,
                                           @RequestParam(required = false) String sourceType,
                                           @RequestParam(required = false) String generator,
                                           @RequestParam(required = false) String title,
                                           @RequestParam(required = false) Boolean edit,
                                           @RequestParam(required = false) String remoteManifestUrl,
                                           @RequestParam(required = false) Boolean iptc,
                                           @RequestParam(required = false) Boolean watermark)
            throws IOException, AssetRejectedException, C2paException, SignerException {
        try (InputStream in = request.getInputStream()) {
            return sign(in, name == null || name.isBlank() ? "upload" : name,
                    new Options(sourceType, generator, title, edit, remoteManifestUrl, iptc, watermark));
        }
    }

    private ResponseEntity<byte[]> sign(InputStream in, String name, Options o)
            throws IOException, AssetRejectedException, C2paException, SignerException {
        if (!signing.available()) {
            throw new SigningService.SigningUnavailableException(signing.unavailableReason().orElse("signing is off"));
        }
        SigningService.Result r = signing.sign(in, name, request(o));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(r.type().mime()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .header("Assay-Manifest", r.signed().manifestLabel())
                .body(r.signed().bytes());
    }

    private static SigningService.Request request(Options o) {
        String type = o.sourceType() == null ? "trainedAlgorithmicMedia" : o.sourceType();
        DigitalSourceType source = DigitalSourceType.parse(type)
                .orElseThrow(() -> new BadRequestException("unknown digital source type '" + limit(type) + "'"));
        if (o.generator() == null || o.generator().isBlank()) {
            throw new BadRequestException("'generator' (the model or tool, e.g. \"ExampleModel/1.2\") is required");
        }
        if (o.generator().length() > 200 || (o.title() != null && o.title().length() > 1000)) {
            throw new BadRequestException("generator or title too long");
        }
        String[] g = SigningService.splitGenerator(o.generator());
        String agent = g[0];
        String version = g[1];
        String remote = o.remoteManifestUrl();
        if (remote != null && !(remote.startsWith("https://") || remote.startsWith("http://"))) {
            throw new BadRequestException("remoteManifestUrl must be an http(s) URL");
        }
        return new SigningService.Request(source, agent, version, o.title(), Boolean.TRUE.equals(o.edit()), remote,
                !Boolean.FALSE.equals(o.iptc()), Boolean.TRUE.equals(o.watermark()));
    }

    private Options parse(String text) {
        if (text.length() > 10_000) {
            throw new BadRequestException("the options are too long");
        }
        try {
            return json.readValue(text, Options.class);
        } catch (JacksonException e) {
            throw new BadRequestException("the options are not valid JSON of the form {\"sourceType\", \"generator\", "
                    + "\"title\", \"edit\", \"remoteManifestUrl\", \"iptc\", \"watermark\"}");
        }
    }

    private static String limit(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
