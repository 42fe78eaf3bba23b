package io.assay.server.debunk;

import io.assay.exchange.stix.ClaimReview;
import io.assay.exchange.stix.Note;
import io.assay.exchange.stix.StixSignals;

import java.time.Instant;
import java.util.Optional;

/** Debunk rows from STIX notes carrying a ClaimReview. */
public final class Debunks {

    private Debunks() {
    }

    public static DebunkRepository.Debunk of(Note note, String signalId, ClaimReview review, String source) {
        Instant version = note.common().modified() != null ? note.common().modified().instant()
                : note.common().created().instant();
        return new DebunkRepository.Debunk(note.common().id(), signalId, version, note.common().createdByRef(),
                review.author(), review.datePublished() == null ? null : review.datePublished().instant(),
                review.url(), review.rating(), review.claimReviewed(), source);
    }

    /** The debunk a received note carries about an indicator it refers to, if it carries one. */
    public static Optional<DebunkRepository.Debunk> received(Note note, String source) {
        Optional<ClaimReview> review = StixSignals.claimReview(note);
        Optional<String> signal = note.objectRefs().stream().filter(r -> r.startsWith("indicator--")).findFirst();
        if (review.isEmpty() || signal.isEmpty() || note.common().createdByRef() == null) {
            return Optional.empty();
        }
        return Optional.of(of(note, signal.get(), review.get(), source));
    }
}
