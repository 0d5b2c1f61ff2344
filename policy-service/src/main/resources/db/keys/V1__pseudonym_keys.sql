-- HMAC keys for pseudonyms, one per (category, rotation, period). This database is separate from
-- the one holding governed readings, so that a copy of the data alone cannot be re-linked to
-- identifiers. A destroyed key keeps its row (key_material null) as a tombstone: it is never
-- re-created.
create table pseudonym_keys (
    category        text        not null,
    rotation_millis bigint      not null check (rotation_millis > 0),
    period_start    timestamptz not null,
    period_end      timestamptz not null,
    key_material    bytea,
    created_at      timestamptz not null default now(),
    destroyed_at    timestamptz,
    primary key (category, rotation_millis, period_start),
    check ((key_material is null) = (destroyed_at is not null))
);

create index pseudonym_keys_live_idx on pseudonym_keys (period_end) where destroyed_at is null;
