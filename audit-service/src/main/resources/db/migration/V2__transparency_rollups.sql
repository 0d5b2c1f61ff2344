-- Daily figures for the public transparency report (CONTRACT §7.3), kept up to date in the same
-- transaction as the events are appended, so that a report over any range reads these rows only.
-- Absent facts are stored as '' (text) or 0 (policy version) so that every column can be part of
-- the key; actors are counted by role and organization, never by subject.
create table transparency_rollups (
  day                 date    not null,
  action              text    not null,
  purpose             text    not null,
  role                text    not null,
  organization        text    not null,
  category            text    not null,
  decision            text    not null,
  warrant             boolean not null,
  destination_country text    not null,
  policy_version      bigint  not null,
  events              bigint  not null check (events >= 0),
  record_count        bigint  not null check (record_count >= 0),
  primary key (day, action, purpose, role, organization, category, decision, warrant,
               destination_country, policy_version)
);
create index transparency_rollups_action on transparency_rollups (action, day);

-- Events logged before this table existed, keyed as org.civitas.audit.transparency.RollupKey
-- keys them. Events whose JSON PostgreSQL cannot hold as jsonb (a \u0000 escape) are left out.
with logged as (
  select e.*, convert_from(e.canonical, 'UTF8')::jsonb as j
  from audit_events e
  where strpos(convert_from(e.canonical, 'UTF8'), '\u0000') = 0
), keyed as (
  select
    coalesce((occurred_at at time zone 'UTC')::date, (appended_at at time zone 'UTC')::date) as day,
    coalesce(action, '') as action,
    coalesce(purpose, '') as purpose,
    coalesce((select string_agg(d.r, '+' order by d.r collate "C")
              from (select distinct r from unnest(actor_roles) r) d), '') as role,
    coalesce(actor_organization, '') as organization,
    case when jsonb_typeof(j -> 'resource' -> 'category') = 'string'
              and length(j -> 'resource' ->> 'category') <= 256
         then j -> 'resource' ->> 'category' else '' end as category,
    coalesce(decision, '') as decision,
    (jsonb_typeof(j -> 'legalBasis' -> 'warrantRef') = 'string'
       and btrim(j -> 'legalBasis' ->> 'warrantRef') <> '') is true as warrant,
    coalesce(
      case when jsonb_typeof(j -> 'resource' -> 'destinationCountry') = 'string'
                and length(j -> 'resource' ->> 'destinationCountry') <= 256
           then j -> 'resource' ->> 'destinationCountry' end,
      case when jsonb_typeof(j -> 'destinationCountry') = 'string'
                and length(j ->> 'destinationCountry') <= 256
           then j ->> 'destinationCountry' end,
      '') as destination_country,
    case when action = 'POLICY_PUBLISHED' and jsonb_typeof(j -> 'policyVersion') = 'number'
              and (j ->> 'policyVersion')::numeric between 0 and 9007199254740991
              and (j ->> 'policyVersion')::numeric = trunc((j ->> 'policyVersion')::numeric)
         then (j ->> 'policyVersion')::numeric::bigint else 0 end as policy_version,
    case when jsonb_typeof(j -> 'recordCount') = 'number'
              and (j ->> 'recordCount')::numeric between 0 and 9007199254740991
              and (j ->> 'recordCount')::numeric = trunc((j ->> 'recordCount')::numeric)
         then (j ->> 'recordCount')::numeric::bigint else 0 end as record_count
  from logged
)
insert into transparency_rollups
select day, action, purpose, role, organization, category, decision, warrant,
       destination_country, policy_version, count(*), sum(record_count)
from keyed
group by day, action, purpose, role, organization, category, decision, warrant,
         destination_country, policy_version;
