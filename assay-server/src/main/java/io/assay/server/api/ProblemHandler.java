package io.assay.server.api;

import io.assay.core.media.AssetRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.UUID;

/**
 * Every error leaves as an RFC 9457 problem (application/problem+json). No stack trace or exception class name
 * reaches a client: unexpected failures are logged under an incident id that the response quotes.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(AssetRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(AssetRejectedException e) {
        ProblemDetail p = Problems.rejected(e, null);
        return ResponseEntity.status(p.getStatus()).body(p);
    }

    @ExceptionHandler(UploadTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(UploadTooLargeException e) {
        ProblemDetail p = Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", e.getMessage());
        return ResponseEntity.status(p.getStatus()).body(p);
    }

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<ProblemDetail> badRequest(BadRequestException e) {
        ProblemDetail p = Problems.of(HttpStatus.BAD_REQUEST, "bad-request", e.getMessage());
        return ResponseEntity.status(p.getStatus()).body(p);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        ProblemDetail p = Problems.of(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
        return ResponseEntity.status(p.getStatus()).body(p);
    }

    @ExceptionHandler(io.assay.server.bank.BankService.ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(io.assay.server.bank.BankService.ConflictException e) {
        ProblemDetail p = Problems.of(HttpStatus.CONFLICT, "conflict", e.getMessage());
        return ResponseEntity.status(p.getStatus()).body(p);
    }

    @ExceptionHandler(io.assay.server.sign.SigningService.SigningUnavailableException.class)
    ResponseEntity<ProblemDetail> signingOff(io.assay.server.sign.SigningService.SigningUnavailableException e) {
        ProblemDetail p = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "signing-unavailable", e.getMessage());
        return ResponseEntity.status(p.getStatus()).body(p);
    }

    /** A file the signer cannot write into (unsupported or malformed container). */
    @ExceptionHandler(io.assay.c2pa.C2paException.class)
    ResponseEntity<ProblemDetail> unsignable(io.assay.c2pa.C2paException e) {
        boolean unsupported = e.getMessage() != null && e.getMessage().contains("not supported");
        ProblemDetail p = Problems.of(unsupported ? HttpStatus.UNSUPPORTED_MEDIA_TYPE : HttpStatus.UNPROCESSABLE_CONTENT,
                unsupported ? "unsupported-format" : "unsignable", e.getMessage());
        return ResponseEntity.status(p.getStatus()).body(p);
    }

    /** The signer or the time-stamp authority failed: the service's side, not the caller's. */
    @ExceptionHandler(io.assay.c2pa.sign.SignerException.class)
    ResponseEntity<ProblemDetail> signerFailed(io.assay.c2pa.sign.SignerException e) {
        log.warn("signing failed: {}", e.getMessage());
        ProblemDetail p = Problems.of(HttpStatus.BAD_GATEWAY, "signing-failed", e.getMessage());
        return ResponseEntity.status(p.getStatus()).body(p);
    }

    @ExceptionHandler(io.assay.hash.pdq.UndecodableImageException.class)
    ResponseEntity<ProblemDetail> undecodable(io.assay.hash.pdq.UndecodableImageException e) {
        ProblemDetail p = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "undecodable", e.getMessage());
        return ResponseEntity.status(p.getStatus()).body(p);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail p = Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "too-large",
                "the upload is over the limit of " + ex.getMaxUploadSize() + " bytes");
        return ResponseEntity.status(p.getStatus()).body(p);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected failure, incident {}", incident, e);
        ProblemDetail p = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "the server could not complete the request; quote incident " + incident + " to its operator");
        return ResponseEntity.status(p.getStatus()).body(p);
    }

    /** The request is wrong in a way its sender can fix. */
    public static final class BadRequestException extends RuntimeException {
        public BadRequestException(String message) {
            super(message, null, false, false);
        }
    }

    public static final class NotFoundException extends RuntimeException {
        public NotFoundException(String message) {
            super(message, null, false, false);
        }
    }

    public static final class UploadTooLargeException extends RuntimeException {
        public UploadTooLargeException(String message) {
            super(message, null, false, false);
        }
    }
}
