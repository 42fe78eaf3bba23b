-- Every scan made through the server, with the verdict exactly as it was returned (json keeps the text as
-- written; the columns beside it are what queries filter on).
create table scan (
    id                  uuid primary key,
    scanned_at          timestamptz not null,
    file_name           text        not null,
    media_type          text        not null,
    size_bytes          bigint      not null,
    sha256              char(64),
    label               text        not null,
    digital_source_type text,
    election_risk       text        not null,
    action              text        not null,
    priority            text        not null,
    platform            text,
    account             text,
    post_id             text,
    api_key_id          uuid,
    verdict             json        not null
);

create index scan_sha256_idx on scan (sha256);
create index scan_scanned_at_idx on scan (scanned_at desc);
create index scan_label_idx on scan (label, scanned_at desc);

-- API keys: only a SHA-256 of each key is kept (keys are 256-bit random, so a slow hash adds nothing).
create table api_key (
    id           uuid primary key,
    name         text        not null,
    key_hash     char(64)    not null unique,
    created_at   timestamptz not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
