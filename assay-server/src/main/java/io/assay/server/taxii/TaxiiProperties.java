package io.assay.server.taxii;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The TAXII server's settings ({@code assay.taxii.*}).
 *
 * @param title            the discovery resource's title
 * @param description      the discovery resource's description
 * @param maxContentLength the largest request body accepted (the API root's {@code max_content_length}); default 10 MB
 * @param maxPageSize      the most objects one response holds, whatever {@code limit} asks; default 1000
 */
@ConfigurationProperties("assay.taxii")
public record TaxiiProperties(String title, String description, DataSize maxContentLength, int maxPageSize) {

    public TaxiiProperties {
        title = title != null ? title : "Assay TAXII server";
        description = description != null ? description
                : "Signals about election deepfakes, shared as STIX 2.1 between platforms and fact-checkers";
        maxContentLength = maxContentLength != null ? maxContentLength : DataSize.ofMegabytes(10);
        maxPageSize = maxPageSize > 0 ? maxPageSize : 1000;
    }
}
