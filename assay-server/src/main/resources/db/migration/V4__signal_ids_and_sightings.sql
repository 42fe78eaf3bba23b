-- Every banked signal belongs to a signal id in STIX form (indicator--<uuid>): the media's hashes banked together
-- share one, and it is the id the exchange publishes and the timeline is keyed on.
-- (the default also covers writers that do not name one, such as an older instance sharing the database)
alter table bank_entry add column signal_id text not null default ('indicator--' || gen_random_uuid());
create index bank_entry_signal_idx on bank_entry (signal_id);

-- Where and when a signal was seen: one row per (signal, scanned upload), from a live scan match or from a
-- retro-hunt when the signal arrived after the upload. Counts and first/last seen are aggregated from these rows,
-- so a scan is never counted twice for a signal.
create table sighting_event (
    id         bigserial primary key,
    signal_id  text        not null,
    scan_id    uuid        not null references scan (id) on delete cascade,
    observer   text        not null,
    platform   text,
    seen_at    timestamptz not null,
    source     text        not null,
    recorded_at timestamptz not null,
    unique (signal_id, scan_id)
);

create index sighting_event_signal_idx on sighting_event (signal_id, seen_at);
