-- Governed readings (CONTRACT §4.3): what minimization kept, never the raw reading. reading_id is
-- the idempotency key: a re-sent reading is stored at most once.
create table governed_readings (
    reading_id       text primary key,
    sensor_id        text        not null,
    category         text        not null,
    observed_at      timestamptz not null,
    location_geohash text,
    location_grid    text,
    attributes       jsonb       not null,
    jurisdiction     text,
    policy_version   bigint      not null,
    expires_at       timestamptz not null,
    stored_at        timestamptz not null
);

-- data queries: category and time range, keyset-paginated on (observed_at, reading_id)
create index governed_readings_category_time_idx
    on governed_readings (category, observed_at, reading_id);
create index governed_readings_sensor_time_idx
    on governed_readings (sensor_id, observed_at, reading_id);
-- retention sweeps
create index governed_readings_expires_at_idx on governed_readings (expires_at);
