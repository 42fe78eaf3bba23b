package io.assay.server.api;

import io.assay.core.media.AssetRejectedException;
import io.assay.hash.bank.BankMatch;
import io.assay.hash.bank.QuerySignal;
import io.assay.server.api.ProblemHandler.BadRequestException;
import io.assay.server.bank.BankRecord;
import io.assay.server.bank.BankService;
import io.assay.server.bank.BankService.SignalInput;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A subset of the URL shapes of Meta's Hasher-Matcher-Actioner (HMA 2, "OpenMediaMatch"), so that clients written
 * for HMA can point at Assay: list banks ({@code GET /c/banks}), hash an uploaded file ({@code POST /h/hash}), and
 * look a hash up ({@code GET /m/lookup}, {@code GET /m/raw_lookup}). HMA's URL-fetching forms ({@code ?url=}) are
 * not offered: Assay never fetches URLs on a caller's behalf. Bank management goes through {@code /v1/banks}.
 */
@RestController
public class HmaCompatController {

    private final BankService banks;

    public HmaCompatController(BankService banks) {
        this.banks = banks;
    }

    @GetMapping(value = "/c/banks", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<Map<String, Object>> banks() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (BankRecord b : banks.banks()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", b.name());
            m.put("matching_enabled_ratio", 1.0);
            out.add(m);
        }
        return out;
    }

    /** {@code {"pdq": "<hex>"}} for an uploaded image (any one file part). */
    @PostMapping(value = "/h/hash", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, String> hash(MultipartHttpServletRequest request) throws IOException, AssetRejectedException {
        MultipartFile file = request.getFileMap().values().stream().findFirst()
                .orElseThrow(() -> new BadRequestException("upload the media as a multipart file part"));
        try (InputStream in = file.getInputStream()) {
            Map<String, String> out = new LinkedHashMap<>();
            for (QuerySignal s : banks.signalsOf(in, file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename())) {
                out.put(s.type().id(), s.value());
            }
            return out;
        }
    }

    /** Matches per bank: {@code {"bank": [{"bank_content_id": id, "distance": "12"}]}}. */
    @GetMapping(value = "/m/lookup", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, List<Map<String, Object>>> lookup(@RequestParam String signal,
                                                         @RequestParam(name = "signal_type") String signalType) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (BankMatch m : match(signal, signalType)) {
            Map<String, Object> hit = new LinkedHashMap<>();
            hit.put("bank_content_id", m.entry().id());
            hit.put("distance", String.valueOf((long) m.score()));
            out.computeIfAbsent(m.entry().bank(), k -> new ArrayList<>()).add(hit);
        }
        return out;
    }

    /** {@code {"matches": [bank content ids]}}. */
    @GetMapping(value = "/m/raw_lookup", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, List<Long>> rawLookup(@RequestParam String signal, @RequestParam(name = "signal_type") String signalType) {
        return Map.of("matches", match(signal, signalType).stream().map(m -> m.entry().id()).toList());
    }

    private List<BankMatch> match(String signal, String signalType) {
        return banks.match(List.of(BankController.querySignal(new SignalInput(signalType, signal, null))));
    }
}
