package io.assay.server.taxii;

/** A request this server refuses, with the TAXII error message to send. No stack trace is filled: it is not a bug. */
public final class TaxiiException extends RuntimeException {

    private final int status;
    private final String title;
    private final String code;

    public TaxiiException(int status, String title, String code, String description) {
        super(description, null, false, false);
        this.status = status;
        this.title = title;
        this.code = code;
    }

    public static TaxiiException badRequest(String description) {
        return new TaxiiException(400, "Bad request", "bad-request", description);
    }

    public static TaxiiException forbidden(String description) {
        return new TaxiiException(403, "Forbidden", "forbidden", description);
    }

    public static TaxiiException notFound(String description) {
        return new TaxiiException(404, "Not found", "not-found", description);
    }

    public static TaxiiException tooLarge(long max) {
        return new TaxiiException(413, "Request too large", "too-large",
                "the request body is over this API root's max_content_length of " + max + " bytes");
    }

    public int status() {
        return status;
    }

    public TaxiiError error() {
        return TaxiiError.of(status, title, code, getMessage());
    }
}
