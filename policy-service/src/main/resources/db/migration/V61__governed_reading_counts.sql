-- How many rows the governed store holds per expiry day and category, so that a sweep dropping an
-- entirely expired day partition can record its exact RETENTION_PURGE counts without scanning it
-- (the scan was most of the sweep's time at 10M rows).
--
-- Kept by statement-level triggers on the partitioned parent, in the same transaction as the rows
-- they count: every insert (ingestion stores only the readings the id ledger reports as new, so a
-- redelivery counts nothing), delete (the sweep's row-wise purge) and update (a retention change
-- moving rows to another expiry day) through governed_readings. Statements on a partition or on a
-- detached table directly fire nothing: moving rows from the default partition into a new day
-- partition leaves their day as it is, and the sweep accounts itself for what it deletes from
-- detached tables (rows restored for a legal hold, the dropped table).
--
-- The count of (day, category) is the sum over shards. Writers add to the shard of their backend
-- (pg_backend_pid()), so that concurrent transactions never wait for each other's counter rows
-- until commit (two live backends never share a pid); the sweep writes its own corrections to
-- shard -1 and folds the shards of past days into it. Keyed by day, not by partition: rows of a day
-- that wait in the default partition count for their day too.
create table governed_reading_counts (
    expires_on date    not null,
    category   text    not null,
    shard      integer not null,
    row_count  bigint  not null,
    primary key (expires_on, category, shard)
);

create function governed_reading_counts_apply() returns trigger
language plpgsql as $$
declare
    writer integer := pg_backend_pid();
begin
    if tg_op = 'INSERT' then
        insert into governed_reading_counts as c (expires_on, category, shard, row_count)
        select (expires_at at time zone 'UTC')::date, category, writer, count(*)
          from new_rows
         group by 1, 2
         order by 1, 2
        on conflict (expires_on, category, shard)
        do update set row_count = c.row_count + excluded.row_count;
    elsif tg_op = 'DELETE' then
        insert into governed_reading_counts as c (expires_on, category, shard, row_count)
        select (expires_at at time zone 'UTC')::date, category, writer, -count(*)
          from old_rows
         group by 1, 2
         order by 1, 2
        on conflict (expires_on, category, shard)
        do update set row_count = c.row_count + excluded.row_count;
    else
        insert into governed_reading_counts as c (expires_on, category, shard, row_count)
        select expires_on, category, writer, sum(delta)
          from (select (expires_at at time zone 'UTC')::date as expires_on, category, 1 as delta
                  from new_rows
                union all
                select (expires_at at time zone 'UTC')::date, category, -1
                  from old_rows) moved
         group by 1, 2
        having sum(delta) <> 0
         order by 1, 2
        on conflict (expires_on, category, shard)
        do update set row_count = c.row_count + excluded.row_count;
    end if;
    return null;
end
$$;

-- creating the triggers locks the parent against writes until this migration commits, so the
-- backfill below and the triggers agree
create trigger governed_readings_counted_insert
    after insert on governed_readings
    referencing new table as new_rows
    for each statement execute function governed_reading_counts_apply();

create trigger governed_readings_counted_delete
    after delete on governed_readings
    referencing old table as old_rows
    for each statement execute function governed_reading_counts_apply();

create trigger governed_readings_counted_update
    after update on governed_readings
    referencing old table as old_rows new table as new_rows
    for each statement execute function governed_reading_counts_apply();

insert into governed_reading_counts (expires_on, category, shard, row_count)
select (expires_at at time zone 'UTC')::date, category, -1, count(*)
  from governed_readings
 group by 1, 2;

-- partitions a sweep detached and has not dropped yet still count for their day
do $$
declare
    detached text;
begin
    for detached in
        select c.relname from pg_class c
          join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = current_schema()
           and c.relkind = 'r'
           and c.relname like 'governed\_readings\_p%'
           and not c.relispartition
    loop
        execute format(
            'insert into governed_reading_counts as c (expires_on, category, shard, row_count)
             select (expires_at at time zone ''UTC'')::date, category, -1, count(*) from %I
              group by 1, 2
             on conflict (expires_on, category, shard)
             do update set row_count = c.row_count + excluded.row_count',
            detached);
    end loop;
end
$$;
