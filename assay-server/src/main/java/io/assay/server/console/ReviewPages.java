package io.assay.server.console;

import io.assay.server.bank.BankRepository;
import io.assay.server.bank.BankService;
import io.assay.server.bank.EntryRecord;
import io.assay.server.review.ReviewItem;
import io.assay.server.review.ReviewQueue;
import io.assay.server.sync.ExchangeProperties;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.UUID;

/**
 * The review queue: open items ordered by priority, election risk and reach; a reviewer confirms one (the label
 * stands and the upload's signals go into a bank, which shares them when the bank is published to the exchange) or
 * clears it, always with a reason. Each decision is written to the audit log.
 */
@Controller
@ConsolePage
public class ReviewPages {

    static final List<String> CONFIRM_LABELS = List.of("known-deepfake", "ai-generated", "ai-edited", "likely-ai");

    private final ReviewQueue queue;
    private final ConsoleQueries queries;
    private final BankService banks;
    private final AuditLog audit;
    private final ExchangeProperties exchange;

    public ReviewPages(ReviewQueue queue, ConsoleQueries queries, BankService banks, AuditLog audit,
                       ExchangeProperties exchange) {
        this.queue = queue;
        this.queries = queries;
        this.banks = banks;
        this.audit = audit;
        this.exchange = exchange;
    }

    @GetMapping("/reviews")
    String list(Model model) {
        model.addAttribute("items", queries.openQueue(200));
        model.addAttribute("decided", queue.list("decided", 20));
        return "reviews";
    }

    @GetMapping("/reviews/{id}")
    String item(@PathVariable String id, Model model) {
        ReviewItem item = find(id);
        model.addAttribute("item", item);
        model.addAttribute("banks", banks.banks());
        model.addAttribute("sharedBanks", exchange.publishing() ? exchange.publishBanks() : List.of());
        model.addAttribute("labels", CONFIRM_LABELS);
        model.addAttribute("signals", queries.signalsOfScan(item.scanId()));
        return "review";
    }

    @PostMapping("/reviews/{id}/confirm")
    String confirm(@PathVariable String id, @RequestParam String label, @RequestParam(required = false) String bank,
                   @RequestParam String reason, @RequestParam(required = false) String debunkUrl,
                   Authentication auth, RedirectAttributes flash) {
        ReviewItem item = find(id);
        if (!CONFIRM_LABELS.contains(label)) {
            throw new ConsoleException(HttpStatus.BAD_REQUEST, "Choose the label that stands.");
        }
        String why = reason(reason);
        List<ConsoleQueries.UploadSignal> signals = queries.signalsOfScan(item.scanId());
        List<EntryRecord> added = List.of();
        if (bank != null && !bank.isBlank()) {
            if (signals.isEmpty()) {
                throw new ConsoleException(HttpStatus.BAD_REQUEST, "No perceptual signal was kept for this upload "
                        + "(its type is not hashed, or its retention passed), so it cannot be banked. Confirm without a bank.");
            }
            BankRepository.EntryFields fields = new BankRepository.EntryFields(label, why,
                    debunkUrl == null || debunkUrl.isBlank() ? null : debunkUrl.trim(), null, null, item.fileName(),
                    item.sha256(), item.signalId());
            added = banks.addSignalsBy(bank, signals.stream()
                    .map(s -> new BankService.SignalInput(s.type(), s.signal(), s.quality())).toList(), fields, auth.getName());
        }
        queue.decide(item.id(), label, auth.getName(), why);
        audit.record(auth.getName(), "review.confirm", "review " + item.id(), why,
                "label " + label + (added.isEmpty() ? ", not banked" : ", banked in '" + bank + "' as "
                        + added.getFirst().signalId() + " (" + added.size() + " signal(s))")
                        + "; file " + item.fileName());
        flash.addFlashAttribute("notice", "Confirmed " + item.fileName() + " as " + label
                + (added.isEmpty() ? "." : " and banked it in '" + bank + "'."));
        return "redirect:/reviews";
    }

    @PostMapping("/reviews/{id}/clear")
    String clear(@PathVariable String id, @RequestParam String reason, Authentication auth, RedirectAttributes flash) {
        ReviewItem item = find(id);
        String why = reason(reason);
        queue.decide(item.id(), "none", auth.getName(), why);
        audit.record(auth.getName(), "review.clear", "review " + item.id(), why, "label none; file " + item.fileName());
        flash.addFlashAttribute("notice", "Cleared " + item.fileName() + ".");
        return "redirect:/reviews";
    }

    private ReviewItem find(String id) {
        UUID uuid = ConsolePaths.uuid(id, "review item");
        return queue.find(uuid).orElseThrow(() -> new ConsoleException(HttpStatus.NOT_FOUND, "There is no review item " + uuid + "."));
    }

    static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ConsoleException(HttpStatus.BAD_REQUEST, "Give a reason: it is kept with the decision and in the audit log.");
        }
        if (reason.length() > 2000) {
            throw new ConsoleException(HttpStatus.BAD_REQUEST, "The reason is longer than 2000 characters.");
        }
        return reason.trim();
    }
}
