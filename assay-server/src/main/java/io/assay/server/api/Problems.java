package io.assay.server.api;

import io.assay.core.media.AssetRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;

/** RFC 9457 problem bodies with stable type URIs ({@code urn:assay:problem:<id>}). */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String id, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create("urn:assay:problem:" + id));
        p.setTitle(status.getReasonPhrase());
        return p;
    }

    public static ProblemDetail rejected(AssetRejectedException e, String fileName) {
        HttpStatus status = switch (e.reason()) {
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case UNSUPPORTED_FORMAT -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            default -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        ProblemDetail p = of(status, e.reason().id(), e.getMessage());
        if (fileName != null) {
            p.setProperty("file", fileName);
        }
        return p;
    }
}
