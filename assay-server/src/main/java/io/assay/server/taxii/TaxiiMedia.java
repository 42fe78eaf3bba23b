package io.assay.server.taxii;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

import java.util.List;

/** TAXII 2.1's media types, and which Accept and Content-Type headers this server takes. */
public final class TaxiiMedia {

    public static final String TAXII = "application/taxii+json;version=2.1";
    public static final String STIX = "application/stix+json;version=2.1";
    public static final String VERSION = "2.1";

    private TaxiiMedia() {
    }

    /** An Accept header this server can answer: TAXII JSON (no version, or 2.1), or any type. No header: TAXII JSON. */
    public static boolean acceptable(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            return types.stream().anyMatch(t -> t.isWildcardType() || isTaxii(t));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** An Accept header for an event stream: {@code text/event-stream}, or any type. */
    public static boolean acceptsEventStream(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(t -> t.isWildcardType() || t.isCompatibleWith(MediaType.TEXT_EVENT_STREAM));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** A Content-Type a POST may carry: TAXII JSON, no version or 2.1. */
    public static boolean postable(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            return isTaxii(MediaType.parseMediaType(contentType));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static boolean isTaxii(MediaType t) {
        if (!"application".equalsIgnoreCase(t.getType()) || !"taxii+json".equalsIgnoreCase(t.getSubtype())) {
            return false;
        }
        String version = t.getParameter("version");
        return version == null || VERSION.equals(version);
    }
}
