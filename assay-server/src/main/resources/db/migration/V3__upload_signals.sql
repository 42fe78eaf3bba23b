-- The perceptual hashes of scanned uploads, kept for a retention period so that a deepfake flagged later (by a
-- fact-checker, or arriving from a partner's exchange) can be searched among uploads already accepted: a retro-hunt.
-- The media is never kept, only these signals beside the scan record.
create table upload_signal (
    id          bigserial primary key,
    scan_id     uuid        not null references scan (id) on delete cascade,
    scanned_at  timestamptz not null,
    signal_type text        not null,
    signal      text        not null,
    quality     int         not null
);

create index upload_signal_type_time_idx on upload_signal (signal_type, scanned_at);
create index upload_signal_scan_idx on upload_signal (scan_id);
