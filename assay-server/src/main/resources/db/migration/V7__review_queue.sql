-- The review queue: uploads a person should look at, and what they decided. An item comes from the label policy
-- (the verdict's action was "review": an uncertain detector vote, a detector against a capture claim) or from a
-- retro-hunt (an upload accepted earlier matches a deepfake banked since). A decision is kept on the item; the
-- newest decision for a file's SHA-256 overrides the label of later scans of the same bytes.
create table review_item (
    id            uuid primary key,
    scan_id       uuid        not null references scan (id) on delete cascade,
    source        text        not null,
    signal_id     text,
    priority      text        not null,
    reason        text        not null,
    created_at    timestamptz not null,
    status        text        not null default 'open',
    decided_label text,
    decided_by    text,
    decided_at    timestamptz,
    note          text
);

-- one item per scan and cause, however often the cause recurs
create unique index review_item_once_idx on review_item (scan_id, source, coalesce(signal_id, ''));
create index review_item_open_idx on review_item (status, priority, created_at);
