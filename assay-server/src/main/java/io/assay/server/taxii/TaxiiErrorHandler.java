package io.assay.server.taxii;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.UUID;

/**
 * Errors of the TAXII controllers leave as TAXII error messages, ahead of the server's RFC 9457 handler. Unexpected
 * failures are logged under an incident id; the client gets the id, never the exception.
 */
@RestControllerAdvice(basePackageClasses = TaxiiErrorHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TaxiiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(TaxiiErrorHandler.class);

    @ExceptionHandler(TaxiiException.class)
    ResponseEntity<TaxiiError> refused(TaxiiException e) {
        return body(e.status(), e.error());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<TaxiiError> method(HttpRequestMethodNotSupportedException e) {
        return body(405, TaxiiError.of(405, "Method not allowed", "method-not-allowed",
                e.getMethod() + " is not supported on this endpoint"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<TaxiiError> unexpected(Exception e) {
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected TAXII failure, incident {}", incident, e);
        return body(500, new TaxiiError("Internal error", "the server could not complete the request; quote incident "
                + incident + " to its operator", incident, "internal", "500", null, null));
    }

    static ResponseEntity<TaxiiError> body(int status, TaxiiError error) {
        return ResponseEntity.status(status).contentType(MediaType.parseMediaType(TaxiiMedia.TAXII)).body(error);
    }
}
