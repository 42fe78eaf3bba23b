package io.assay.server.taxii;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** The server discovery resource (TAXII 2.1 section 4.1). */
public record DiscoveryResource(String title, String description, @JsonProperty("default") String defaultRoot,
                                List<String> api_roots) {
}
