-- The sensor registry (CONTRACT §9). One row per sensor ever registered; decommissioning keeps the
-- row so that history stays explainable. revision/published_revision form a small outbox: a change
-- is pending on civitas.registry.sensors until published_revision catches up with revision.
create table sensors (
    sensor_id                text primary key,
    vendor_id                text        not null,
    type                     text        not null,
    categories               text[]      not null,
    purposes                 text[]      not null,
    location_lat             double precision not null,
    location_lon             double precision not null,
    jurisdiction             text        not null,
    processing_locations     text[]      not null,
    legal_basis              text        not null,
    accountable_organization text        not null,
    contact                  text        not null,
    description              text,
    status                   text        not null default 'ACTIVE'
        check (status in ('ACTIVE', 'DECOMMISSIONED')),
    registered_at            timestamptz not null,
    decommissioned_at        timestamptz,
    revision                 bigint      not null default 1,
    published_revision       bigint      not null default 0,
    check ((status = 'DECOMMISSIONED') = (decommissioned_at is not null))
);

create index sensors_vendor_id_idx on sensors (vendor_id);

create index sensors_unpublished_idx on sensors (sensor_id) where published_revision < revision;
