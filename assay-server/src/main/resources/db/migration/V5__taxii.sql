-- TAXII 2.1 server: participants (other platforms, fact-checkers), the collections they share through, who may read
-- or write which collection, the STIX object versions, and the status resources of POSTed envelopes.

-- A participant authenticates with its own token; only a SHA-256 of the token is kept (256 random bits, as API keys).
create table taxii_participant (
    id          uuid primary key,
    name        text        not null unique,
    identity_id text        not null unique,   -- its STIX identity (identity--<uuid>): TLP:RED recipients name it
    token_hash  char(64)    not null unique,
    created_at  timestamptz not null,
    revoked_at  timestamptz
);

create table taxii_collection (
    id          uuid primary key,
    title       text        not null,
    description text,
    created_at  timestamptz not null
);

create table taxii_membership (
    collection_id  uuid    not null references taxii_collection (id),
    participant_id uuid    not null references taxii_participant (id),
    can_read       boolean not null,
    can_write      boolean not null,
    primary key (collection_id, participant_id)
);

-- One row per object version: versions are immutable, so (collection, id, version) is the key and a re-POST of the
-- same version changes nothing. seq breaks ties between versions added in the same microsecond (stable paging).
create table taxii_object (
    seq            bigserial   not null unique,
    collection_id  uuid        not null references taxii_collection (id),
    object_id      text        not null,
    type           text        not null,
    spec_version   text        not null,
    version        timestamptz not null,          -- modified, else created, else date_added
    created        timestamptz,
    date_added     timestamptz not null,
    created_by_ref text,
    marking_refs   jsonb       not null,          -- object_marking_refs as posted
    tlp            text        not null,          -- the most restrictive TLP marking: none, clear, green, amber, amber+strict, red
    red_recipients jsonb       not null,          -- recipient_refs of the Assay extension (identity ids)
    object         jsonb       not null,
    primary key (collection_id, object_id, version)
);

-- added_after / next paging walks a collection in (date_added, seq) order.
create index taxii_object_added_idx on taxii_object (collection_id, date_added, seq);
create index taxii_object_type_idx on taxii_object (collection_id, type);

-- The outcome of each POSTed envelope; only the participant that posted it may read it.
create table taxii_status (
    id                uuid primary key,
    collection_id     uuid        not null references taxii_collection (id),
    participant_id    uuid        not null references taxii_participant (id),
    request_timestamp timestamptz not null,
    resource          jsonb       not null
);
