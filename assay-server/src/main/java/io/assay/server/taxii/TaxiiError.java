package io.assay.server.taxii;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/** A TAXII 2.1 error message (section 3.6.1): what a client gets instead of Spring's default body or a stack trace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaxiiError(String title, String description, String error_id, String error_code, String http_status,
                         String external_details, Map<String, String> details) {

    public static TaxiiError of(int status, String title, String code, String description) {
        return new TaxiiError(title, description, null, code, Integer.toString(status), null, null);
    }
}
