package io.assay.server.bank;

import java.util.List;

/**
 * Published (Spring application event) after bank entries are added or retracted, whoever asked (API, console, review
 * confirmation, exchange sync), for components that pass bank changes on.
 */
public record BankEntriesChanged(List<EntryRecord> entries) {

    public BankEntriesChanged {
        entries = List.copyOf(entries);
    }
}
