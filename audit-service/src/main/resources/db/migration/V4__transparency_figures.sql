-- The figures of the public transparency report (CONTRACT §7.3) per day: for each grouping of
-- org.civitas.audit.transparency.TransparencyReport.Grouping (named in `figure`), the sums of the
-- cells it counts per value of its fields (k1..k3, as text; '' where a grouping has fewer fields).
-- Kept up to date in the same transaction as the cells, so a report over a year reads a few hundred
-- rows a day instead of every cell. The cells stay: the CSV download lists them.
create table transparency_figures (
  day          date   not null,
  figure       text   not null,
  k1           text   not null,
  k2           text   not null,
  k3           text   not null,
  events       bigint not null check (events >= 0),
  record_count bigint not null check (record_count >= 0),
  primary key (day, figure, k1, k2, k3)
);

-- The figures of every cell logged so far, keyed as the groupings key them at this version: days as
-- ISO dates, warrants as true/false, policy versions as decimal numbers.
insert into transparency_figures (day, figure, k1, k2, k3, events, record_count)
select c.day, f.figure, f.k1, f.k2, f.k3, sum(c.events), sum(c.record_count)
  from transparency_rollups c
 cross join lateral (
   select c.action in ('DATA_AGGREGATE', 'DATA_EXPORT', 'DATA_QUERY') as access,
          to_char(c.day, 'YYYY-MM-DD') as day_text
 ) a
 cross join lateral (values
   ('ACCESS_BY_DAY', a.access, a.day_text, c.purpose, c.decision),
   ('ACCESS_BY_PURPOSE', a.access, c.purpose, c.action, c.decision),
   ('ACCESS_BY_ROLE', a.access, c.role, c.organization, c.decision),
   ('LAW_ENFORCEMENT_BY_DAY',
      a.access and 'LAW_ENFORCEMENT' = any(string_to_array(c.role, '+')),
      a.day_text, c.warrant::text, c.decision),
   ('EXPORTS', c.action = 'DATA_EXPORT', c.destination_country, c.category, c.decision),
   ('RETENTION_PURGES', c.action = 'RETENTION_PURGE', c.category, '', ''),
   ('RESIDENCY_BLOCKS', c.action = 'RESIDENCY_BLOCKED', c.category, '', ''),
   ('POLICY_VERSIONS', c.action = 'POLICY_PUBLISHED', c.policy_version::text, a.day_text,
      c.organization),
   ('BY_ACTION', true, c.action, c.decision, '')
 ) as f (figure, counted, k1, k2, k3)
 where f.counted
 group by c.day, f.figure, f.k1, f.k2, f.k3;
