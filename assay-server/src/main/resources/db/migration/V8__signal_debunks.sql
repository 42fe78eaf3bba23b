-- The debunk of a signal (who reviewed the media, when, where the review is, the rating): a STIX note with a
-- ClaimReview in Assay's extension, published with the signal's indicator and received from peers. One row per
-- note id; a newer version of the note replaces the row.
create table signal_debunk (
    note_id        text primary key,
    signal_id      text        not null,
    version        timestamptz not null,
    observer       text        not null,
    author         text,
    date_published timestamptz,
    url            text,
    rating         text,
    claim_reviewed text,
    source         text        not null,
    received_at    timestamptz not null
);

create index signal_debunk_signal_idx on signal_debunk (signal_id);
