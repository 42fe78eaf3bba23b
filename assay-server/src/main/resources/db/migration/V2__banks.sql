-- Banks of debunked media signals (known deepfakes). Entries are never deleted: a retraction is recorded, so the
-- audit trail says who banked and who retracted what, and when.
create table bank (
    id              bigserial primary key,
    name            text        not null unique,
    description     text,
    pdq_distance    int         not null,
    pdq_quality     int         not null,
    dihedral        boolean     not null,
    vpdq_distance   int         not null,
    vpdq_quality    int         not null,
    vpdq_query_pct  double precision not null,
    vpdq_target_pct double precision not null,
    audio_max_ber   double precision not null,
    created_at      timestamptz not null,
    created_by      text
);

create table bank_entry (
    id                bigserial primary key,
    bank_id           bigint      not null references bank (id),
    signal_type       text        not null,
    signal            text        not null,
    quality           int         not null,
    label             text,
    reason            text,
    debunk_url        text,
    election          text,
    candidate         text,
    source_name       text,
    source_sha256     char(64),
    added_by          text,
    added_at          timestamptz not null,
    retracted_at      timestamptz,
    retracted_by      text,
    retraction_reason text
);

create index bank_entry_bank_idx on bank_entry (bank_id, id);
create index bank_entry_live_idx on bank_entry (id) where retracted_at is null;
create index bank_entry_retracted_idx on bank_entry (retracted_at) where retracted_at is not null;
