package io.assay.server.console;

import io.assay.core.media.AssetRejectedException;
import io.assay.hash.bank.MatchThresholds;
import io.assay.server.bank.BankRecord;
import io.assay.server.bank.BankRepository;
import io.assay.server.bank.BankService;
import io.assay.server.bank.EntryRecord;
import io.assay.server.debunk.DebunkRepository;
import io.assay.server.sighting.SightingRepository;
import io.assay.server.sighting.SightingService;
import io.assay.server.sync.SightingExchange;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Banks and signals: browse and search banks, create one, add entries (a file, hashed here and not kept, or a hash)
 * and retract them; and for each signal its spread: a timeline chart of sightings by participant and platform, and
 * the table of where and when it was seen. The same {@link BankService} as the API does the work.
 */
@Controller
@ConsolePage
public class BankPages {

    private static final Pattern SIGNAL_ID = Pattern.compile("indicator--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final BankService banks;
    private final BankRepository repository;
    private final ConsoleQueries queries;
    private final SightingService sightings;
    private final SightingExchange exchange;
    private final DebunkRepository debunks;
    private final AuditLog audit;
    private final JsonMapper json;

    public BankPages(BankService banks, BankRepository repository, ConsoleQueries queries, SightingService sightings,
                     SightingExchange exchange, DebunkRepository debunks, AuditLog audit, JsonMapper json) {
        this.banks = banks;
        this.repository = repository;
        this.queries = queries;
        this.sightings = sightings;
        this.exchange = exchange;
        this.debunks = debunks;
        this.audit = audit;
        this.json = json;
    }

    @GetMapping("/banks")
    String list(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("banks", banks.banks());
        model.addAttribute("signals", queries.recentSignals(20));
        if (q != null && !q.isBlank()) {
            String text = q.trim();
            if (text.length() > 200) {
                throw new ConsoleException(HttpStatus.BAD_REQUEST, "Search for at most 200 characters.");
            }
            model.addAttribute("q", text);
            model.addAttribute("results", repository.entries(queries.searchEntries(text, 100)));
        }
        return "banks";
    }

    @PostMapping("/banks")
    String create(@RequestParam String name, @RequestParam(required = false) String description,
                  Authentication auth, RedirectAttributes flash) {
        BankRecord b = banks.createBy(name.trim(), description == null || description.isBlank() ? null : description.trim(),
                MatchThresholds.DEFAULTS, auth.getName());
        audit.record(auth.getName(), "bank.create", "bank " + b.name(), description, null);
        flash.addFlashAttribute("notice", "Bank '" + b.name() + "' created.");
        return "redirect:/banks/" + UriUtils.encodePathSegment(b.name(), StandardCharsets.UTF_8);
    }

    @GetMapping("/banks/{name}")
    String bank(@PathVariable String name, @RequestParam(defaultValue = "false") boolean retracted, Model model) {
        model.addAttribute("bank", banks.bank(name));
        model.addAttribute("entries", banks.entries(name, retracted, 500));
        model.addAttribute("showRetracted", retracted);
        return "bank";
    }

    @PostMapping("/banks/{name}/entries")
    String add(@PathVariable String name, @RequestParam(value = "file", required = false) MultipartFile file,
               @RequestParam(required = false) String signalType, @RequestParam(required = false) String signal,
               @RequestParam(required = false) String label, @RequestParam String reason,
               @RequestParam(required = false) String debunkUrl, @RequestParam(required = false) String election,
               @RequestParam(required = false) String candidate, Authentication auth, RedirectAttributes flash)
            throws IOException {
        String why = ReviewPages.reason(reason);
        BankRepository.EntryFields fields = new BankRepository.EntryFields(blank(label), why, blank(debunkUrl),
                blank(election), blank(candidate), null, null, null);
        List<EntryRecord> added;
        if (file != null && !file.isEmpty()) {
            String fileName = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
            try (InputStream in = file.getInputStream()) {
                added = banks.addMediaBy(name, in, fileName, fields, auth.getName());
            } catch (AssetRejectedException e) {
                throw new ConsoleException(HttpStatus.UNPROCESSABLE_ENTITY, "The file cannot be hashed: " + e.getMessage());
            }
        } else if (signal != null && !signal.isBlank()) {
            added = banks.addSignalsBy(name, List.of(new BankService.SignalInput(signalType == null ? "pdq" : signalType,
                    signal.trim(), null)), fields, auth.getName());
        } else {
            throw new ConsoleException(HttpStatus.BAD_REQUEST, "Choose a file to hash, or paste a hash.");
        }
        audit.record(auth.getName(), "bank.add", "bank " + name + " entries "
                + added.stream().map(e -> "#" + e.id()).toList(), why, "signal " + added.getFirst().signalId());
        flash.addFlashAttribute("notice", added.size() + " signal(s) banked in '" + name + "'.");
        return "redirect:/banks/" + UriUtils.encodePathSegment(name, StandardCharsets.UTF_8);
    }

    @PostMapping("/banks/{name}/entries/{id}/retract")
    String retract(@PathVariable String name, @PathVariable long id, @RequestParam String reason,
                   Authentication auth, RedirectAttributes flash) {
        String why = ReviewPages.reason(reason);
        EntryRecord e = banks.retractBy(name, id, why, auth.getName());
        audit.record(auth.getName(), "bank.retract", "bank " + name + " entry #" + id, why, "signal " + e.signalId());
        flash.addFlashAttribute("notice", "Entry #" + id + " retracted.");
        return "redirect:/banks/" + UriUtils.encodePathSegment(name, StandardCharsets.UTF_8);
    }

    @GetMapping("/signals/{id}")
    String signal(@PathVariable String id, Model model) {
        if (!SIGNAL_ID.matcher(id).matches()) {
            throw new ConsoleException(HttpStatus.NOT_FOUND, "There is no signal " + (id.length() > 80 ? id.substring(0, 80) + "..." : id) + ".");
        }
        List<EntryRecord> entries = repository.entriesOfSignal(id);
        List<ConsoleQueries.SightingEvent> local = queries.sightingEvents(id);
        List<SightingRepository.Sighting> received = exchange.received(id);
        List<SightingRepository.Sighting> summary = new ArrayList<>(sightings.timeline(id));
        summary.addAll(received);
        summary.sort(Comparator.comparing(SightingRepository.Sighting::firstSeen));
        if (entries.isEmpty() && local.isEmpty() && received.isEmpty()) {
            throw new ConsoleException(HttpStatus.NOT_FOUND, "There is no signal " + id + ".");
        }
        model.addAttribute("signalId", id);
        model.addAttribute("entries", entries);
        model.addAttribute("events", local);
        model.addAttribute("summary", summary);
        model.addAttribute("debunks", debunks.of(id));
        model.addAttribute("chart", ConsoleAdvice.scriptSafe(json.writeValueAsString(chart(local, received))));
        return "signal";
    }

    /**
     * The chart's data: one series per participant and platform, the cumulative count of sightings over time (this
     * node's own sightings one by one; other participants' as they reported them, first and last seen).
     */
    static Map<String, Object> chart(List<ConsoleQueries.SightingEvent> local, List<SightingRepository.Sighting> received) {
        Map<String, List<Object[]>> series = new TreeMap<>();
        Map<String, Long> running = new LinkedHashMap<>();
        for (ConsoleQueries.SightingEvent e : local) {
            String key = e.observer() + " / " + (e.platform() == null ? "unknown platform" : e.platform());
            long n = running.merge(key, 1L, Long::sum);
            series.computeIfAbsent(key, k -> new ArrayList<>()).add(new Object[]{e.seenAt().toString(), n});
        }
        for (SightingRepository.Sighting s : received) {
            String key = s.observer() + " / " + (s.platform() == null ? "unknown platform" : s.platform());
            List<Object[]> points = series.computeIfAbsent(key, k -> new ArrayList<>());
            points.add(new Object[]{s.firstSeen().toString(), 1});
            if (s.lastSeen() != null && !s.lastSeen().equals(s.firstSeen())) {
                points.add(new Object[]{s.lastSeen().toString(), s.count()});
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        series.forEach((k, v) -> out.add(Map.of("name", k, "data", v)));
        return Map.of("series", out, "generatedAt", Instant.now().toString());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
