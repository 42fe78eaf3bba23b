package io.assay.server.taxii;

import java.util.List;

/**
 * The TAXII status resource of one POSTed envelope (section 4.3.1). Objects are stored while the request runs, so
 * a status is always {@code complete} and {@code pendings} is empty.
 */
public record StatusResource(String id, String status, String request_timestamp, int total_count, int success_count,
                             List<Detail> successes, int failure_count, List<Detail> failures, int pending_count,
                             List<Detail> pendings) {

    /** One object's outcome: its id and version, and for a failure why. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Detail(String id, String version, String message) {
    }

    public static StatusResource complete(String id, String requestTimestamp, List<Detail> successes, List<Detail> failures) {
        return new StatusResource(id, "complete", requestTimestamp, successes.size() + failures.size(), successes.size(),
                successes, failures.size(), failures, 0, List.of());
    }
}
