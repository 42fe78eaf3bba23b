-- The analyst console: people who log in (roles viewer, reviewer, admin; passwords stored as bcrypt hashes), the
-- audit log of every change made through the console (who, when, what, why), and the incident-mode switches made
-- at runtime (the newest one is in force, across restarts, until switched again).
create table console_user (
    username      text primary key,
    password_hash text        not null,
    role          text        not null check (role in ('viewer', 'reviewer', 'admin')),
    created_at    timestamptz not null,
    created_by    text,
    disabled_at   timestamptz
);

create table audit_log (
    id      bigserial primary key,
    at      timestamptz not null,
    actor   text        not null,
    action  text        not null,
    target  text,
    reason  text,
    details text
);

create index audit_log_at_idx on audit_log (at desc);

create table incident_switch (
    id          bigserial primary key,
    on_state    boolean     not null,
    switched_by text        not null,
    switched_at timestamptz not null,
    reason      text
);

-- What the console shows beside a verdict checked through it: the Content Credentials as a tree (with the
-- manifest store's own thumbnails) and a small preview of the upload, so the result page can be opened again. The
-- media itself is not kept.
create table console_scan_view (
    scan_id  uuid primary key references scan (id) on delete cascade,
    preview  text,
    tree     json
);

-- Elections an admin added to the watch list in the console (beside those of the policy file). A removal is
-- recorded, not deleted, so the audit trail keeps the list as it was.
create table watched_election (
    id          text primary key,
    name        text        not null,
    regions     text[]      not null,
    date_from   date,
    date_until  date,
    candidates  text[]      not null,
    keywords    text[]      not null,
    added_by    text        not null,
    added_at    timestamptz not null,
    removed_by  text,
    removed_at  timestamptz
);
