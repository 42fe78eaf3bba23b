package io.assay.c2pa.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects the statuses of one manifest's validation, in the order the checks ran (repeats kept, as the reference). */
public final class ValidationLog {

    private final List<ValidationStatus> statuses = new ArrayList<>();

    public void success(String code, String url, String explanation) {
        statuses.add(new ValidationStatus(code, url, explanation, StatusKind.SUCCESS));
    }

    public void informational(String code, String url, String explanation) {
        statuses.add(new ValidationStatus(code, url, explanation, StatusKind.INFORMATIONAL));
    }

    public void failure(String code, String url, String explanation) {
        statuses.add(new ValidationStatus(code, url, explanation, StatusKind.FAILURE));
    }

    public List<ValidationStatus> statuses() {
        return Collections.unmodifiableList(statuses);
    }

    public List<ValidationStatus> of(StatusKind kind) {
        return statuses.stream().filter(s -> s.kind() == kind).toList();
    }

    public boolean has(String code) {
        return statuses.stream().anyMatch(s -> s.code().equals(code));
    }
}
