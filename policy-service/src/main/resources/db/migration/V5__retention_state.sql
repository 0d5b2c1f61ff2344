-- Which policy version's retention the stored expires_at values follow. When a newer version is
-- active, the service recomputes expires_at of the categories whose retention changed (if
-- civitas.retention.apply-to-stored) and moves this mark, once, whichever instance gets there
-- first.
create table retention_state (
    singleton       boolean primary key default true check (singleton),
    applied_version bigint  not null
);

insert into retention_state (applied_version)
select coalesce(max(version), 0) from policy_versions;
