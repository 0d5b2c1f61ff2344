-- The governed store becomes a table partitioned by day of expires_at (range, UTC days).
--
-- Why expires_at and not observed_at: retention differs per category (PT24H for plates, P365D for
-- air quality), so a partition of one observed_at day mixes rows that expire a day later with rows
-- that expire a year later and could only be dropped once the longest retention has passed; the
-- sweep would be left deleting row by row. A partition of one expires_at day is entirely expired as
-- soon as its upper bound has passed, whatever the category, so the sweep drops it whole (DETACH +
-- DROP) unless a legal hold covers one of its rows. Legal holds match on observed_at, category and
-- sensor; the sweep checks them per partition through the (category|sensor_id, observed_at)
-- indexes every partition carries. A retention change (policy publication) updates expires_at,
-- which moves rows between partitions; PostgreSQL does that inside the update.
--
-- A unique constraint on a partitioned table must contain the partition key, and the same
-- readingId may come back with another expires_at (a retention change between two deliveries), so
-- idempotency lives in governed_reading_ids: one row per readingId ever stored, kept until no
-- delivery of that reading can still arrive (remember_until; the consumer refuses readings older
-- than that window). It is narrow and bounded by the ingest rate over the window, not by
-- retention.
--
-- Partitions are named governed_readings_pYYYYMMDD and created ahead by the service; the default
-- partition is a safety net for rows whose day has no partition (already expired, or created while
-- a partition could not be). The service moves such rows into their partition when it creates it.

alter table governed_readings rename to governed_readings_unpartitioned;
alter table governed_readings_unpartitioned
    rename constraint governed_readings_pkey to governed_readings_unpartitioned_pkey;
alter index governed_readings_category_time_idx rename to governed_readings_unpartitioned_ct_idx;
alter index governed_readings_sensor_time_idx rename to governed_readings_unpartitioned_st_idx;
alter index governed_readings_expires_at_idx rename to governed_readings_unpartitioned_ea_idx;

create table governed_readings (
    reading_id       text        not null,
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
) partition by range (expires_at);

-- data queries: category and time range, keyset-paginated on (observed_at, reading_id)
create index governed_readings_category_time_idx
    on governed_readings (category, observed_at, reading_id);
-- data queries by sensor, and legal holds on one sensor
create index governed_readings_sensor_time_idx
    on governed_readings (sensor_id, observed_at, reading_id);
-- row-wise purge inside the partition of the current day and the default partition
create index governed_readings_expires_at_idx on governed_readings (expires_at);

create table governed_readings_default partition of governed_readings default;

create table governed_reading_ids (
    reading_id     text        primary key,
    remember_until timestamptz not null
);

create index governed_reading_ids_remember_until_idx on governed_reading_ids (remember_until);

-- one partition per expires_at day that holds rows, then the rows and their idempotency keys
do $$
declare
    day date;
begin
    for day in
        select distinct (expires_at at time zone 'UTC')::date
        from governed_readings_unpartitioned
    loop
        execute format(
            'create table %I partition of governed_readings for values from (%L) to (%L)',
            'governed_readings_p' || to_char(day, 'YYYYMMDD'),
            (day::timestamp at time zone 'UTC'),
            ((day + 1)::timestamp at time zone 'UTC'));
    end loop;
end
$$;

insert into governed_readings
select reading_id, sensor_id, category, observed_at, location_geohash, location_grid, attributes,
       jurisdiction, policy_version, expires_at, stored_at
from governed_readings_unpartitioned;

-- the consumer's default window (max reading age P8D + future skew PT10M + margin PT1H)
insert into governed_reading_ids (reading_id, remember_until)
select reading_id, stored_at + interval '8 days 1 hour 10 minutes'
from governed_readings_unpartitioned;

drop table governed_readings_unpartitioned;
