-- Coordinated sharing: every share the server sees (an account posting an object at a time), the campaigns found among
-- them, and the alerts raised when a campaign pushes election-risk media.

-- A share comes from a scan with an account in its context (the object is the banked signal the upload matched, else
-- its perceptual-hash cluster, else its bytes) or from a platform's report (POST /v1/shares: links, text, media).
create table coord_share (
    id            bigserial primary key,
    platform      text        not null default '',
    account       text        not null,
    object_id     text        not null,
    object_kind   text        not null,
    content       text        not null default '',
    shared_at     timestamptz not null,
    label         text        not null default '',
    election_risk text        not null default 'normal',
    scan_id       uuid,
    pdq           text,
    source        text        not null
);
create index coord_share_time_idx on coord_share (shared_at);
create index coord_share_pdq_idx on coord_share (shared_at) where pdq is not null;

-- A campaign keeps its id across detection runs while its accounts stay mostly the same (Jaccard >= 0.5).
create table coord_campaign (
    id                uuid primary key,
    first_detected_at timestamptz not null,
    last_detected_at  timestamptz not null,
    accounts          jsonb       not null,
    objects           jsonb       not null,
    labels            jsonb       not null,
    edges             jsonb       not null,
    shares            integer     not null,
    first_share       timestamptz,
    last_share        timestamptz,
    mean_delta_s      double precision not null,
    election_risk     text        not null,
    status            text        not null default 'active'
);
create index coord_campaign_recent_idx on coord_campaign (last_detected_at desc);

create table coord_alert (
    id          uuid primary key,
    campaign_id uuid        not null references coord_campaign (id) on delete cascade,
    created_at  timestamptz not null,
    severity    text        not null,
    reason      text        not null,
    labels      jsonb       not null
);
-- one alert per campaign and reason, however often the campaign is detected again
create unique index coord_alert_once_idx on coord_alert (campaign_id, reason);
