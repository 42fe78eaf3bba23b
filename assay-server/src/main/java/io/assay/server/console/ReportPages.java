package io.assay.server.console;

import io.assay.server.scan.LivePolicy;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The transparency report over a chosen period (UTC days, both ends included): scans per label, labelled scans per
 * signal source, high-risk scans per watched election, and time to label; as charts and as CSV.
 */
@Controller
@ConsolePage
public class ReportPages {

    private final ConsoleQueries queries;
    private final LivePolicy policy;
    private final JsonMapper json;

    public ReportPages(ConsoleQueries queries, LivePolicy policy, JsonMapper json) {
        this.queries = queries;
        this.policy = policy;
        this.json = json;
    }

    /** The period asked for. */
    record Period(LocalDate from, LocalDate to) {
        Instant start() {
            return from.atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        Instant end() {
            return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }

    static Period period(String from, String to) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try {
            LocalDate t = to == null || to.isBlank() ? today : LocalDate.parse(to);
            LocalDate f = from == null || from.isBlank() ? t.minusDays(29) : LocalDate.parse(from);
            if (f.isAfter(t)) {
                throw new ConsoleException(HttpStatus.BAD_REQUEST, "The period starts after it ends.");
            }
            if (f.isBefore(t.minusYears(5))) {
                throw new ConsoleException(HttpStatus.BAD_REQUEST, "A report covers at most five years.");
            }
            return new Period(f, t);
        } catch (DateTimeParseException e) {
            throw new ConsoleException(HttpStatus.BAD_REQUEST, "Dates are written YYYY-MM-DD.");
        }
    }

    @GetMapping("/report")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        Period p = period(from, to);
        Map<String, Long> labels = queries.perLabel(p.start(), p.end());
        Map<String, Long> sources = queries.perSignalSource(p.start(), p.end());
        Map<String, long[]> elections = queries.perElection(p.start(), p.end(), policy.config().elections());
        ConsoleQueries.TimeToLabel ttl = queries.timeToLabel(p.start(), p.end());
        model.addAttribute("from", p.from());
        model.addAttribute("to", p.to());
        model.addAttribute("labels", labels);
        model.addAttribute("total", labels.values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("sources", sources);
        model.addAttribute("elections", elections);
        model.addAttribute("ttl", ttl);
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("labels", labels);
        charts.put("sources", sources);
        Map<String, Object> el = new LinkedHashMap<>();
        elections.forEach((k, v) -> el.put(k, List.of(v[0], v[1])));
        charts.put("elections", el);
        charts.put("days", queries.perDay(p.start(), p.end()));
        model.addAttribute("charts", ConsoleAdvice.scriptSafe(json.writeValueAsString(charts)));
        return "report";
    }

    @GetMapping(value = "/report.csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Period p = period(from, to);
        StringBuilder s = new StringBuilder("section,key,count,labelled\r\n");
        queries.perLabel(p.start(), p.end()).forEach((k, v) -> row(s, "label", k, v, null));
        queries.perSignalSource(p.start(), p.end()).forEach((k, v) -> row(s, "signal-source", k, v, null));
        queries.perElection(p.start(), p.end(), policy.config().elections()).forEach((k, v) -> row(s, "election-high-risk", k, v[0], v[1]));
        ConsoleQueries.TimeToLabel t = queries.timeToLabel(p.start(), p.end());
        row(s, "time-to-label-automatic", "scans", t.automatic(), null);
        row(s, "time-to-label-automatic", "median-seconds", t.automaticMedianS(), null);
        row(s, "time-to-label-automatic", "p95-seconds", t.automaticP95S(), null);
        row(s, "time-to-label-reviewed", "decisions", t.reviewed(), null);
        row(s, "time-to-label-reviewed", "median-seconds", t.reviewedMedianS(), null);
        row(s, "time-to-label-reviewed", "p95-seconds", t.reviewedP95S(), null);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"assay-transparency-" + p.from() + "-to-" + p.to() + ".csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)).body(s.toString());
    }

    private static void row(StringBuilder s, String section, String key, Object count, Object labelled) {
        s.append(section).append(',').append(csvField(key)).append(',').append(count == null ? "" : count).append(',')
                .append(labelled == null ? "" : labelled).append("\r\n");
    }

    static String csvField(String v) {
        String safe = v;
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe; // a spreadsheet must not read a name as a formula
        }
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
