-- Exports are counted by destination country in the public report (exportsByDestination). From
-- now on a destination is kept only when it is an ISO 3166-1 alpha-2 code (what policy-service
-- accepts and writes to resource.destinationCountry of DATA_EXPORT events); anything else counts as
-- "no destination recorded" (''), so free text never reaches the public figures. Cells keyed
-- otherwise before (V2 took any string) are merged into that cell, so that rollups and events agree
-- on one rule.
with odd as (
  delete from transparency_rollups
   where destination_country <> ''
     and destination_country !~ '^[A-Z]{2}$'
  returning day, action, purpose, role, organization, category, decision, warrant,
            policy_version, events, record_count
)
insert into transparency_rollups as r
  (day, action, purpose, role, organization, category, decision, warrant, destination_country,
   policy_version, events, record_count)
select day, action, purpose, role, organization, category, decision, warrant, '', policy_version,
       sum(events), sum(record_count)
  from odd
 group by day, action, purpose, role, organization, category, decision, warrant, policy_version
on conflict (day, action, purpose, role, organization, category, decision, warrant,
             destination_country, policy_version)
do update set events = r.events + excluded.events,
              record_count = r.record_count + excluded.record_count;
