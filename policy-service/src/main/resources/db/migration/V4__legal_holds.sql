-- Legal holds (CONTRACT §9): governed readings of a category and/or sensor observed in [from_time,
-- to_time) survive retention sweeps while the hold is active. A released hold is kept, with who
-- released it and when, so that the history of holds stays explainable.
create table legal_holds (
    id          uuid        primary key,
    category    text,
    sensor_id   text,
    from_time   timestamptz not null,
    to_time     timestamptz not null,
    case_ref    text        not null,
    reason      text        not null,
    placed_by   text        not null,
    placed_at   timestamptz not null,
    released_by text,
    released_at timestamptz,
    check (from_time < to_time),
    check ((released_at is null) = (released_by is null))
);

create index legal_holds_active_idx on legal_holds (from_time, to_time) where released_at is null;
