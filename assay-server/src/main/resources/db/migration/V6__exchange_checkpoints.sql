-- Where the poll of each peer's TAXII collection got to (its X-TAXII-Date-Added-Last), kept across restarts, and
-- the signals refused (unverifiable or forged), for the audit.
create table exchange_checkpoint (
    peer        text primary key,
    added_after text        not null,
    updated_at  timestamptz not null
);

create table exchange_rejection (
    id          bigserial primary key,
    peer        text        not null,
    object_id   text,
    reason      text        not null,
    rejected_at timestamptz not null
);
