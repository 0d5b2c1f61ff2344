-- The query indexes order readings of one observation time by storage time before readingId, and
-- data queries page in that order: (observed_at, stored_at, reading_id).
--
-- Why: minimization truncates observation times (PT15M, PT1H, P1D), so a category's readings of
-- one period share one observed_at, and within it the indexes were ordered by readingId, a random
-- UUID. Every stored row then went into a random leaf page of an index range as large as the
-- period's readings: on the build machine 4.2M rows shared three observed_at values, and
-- PostgreSQL read and evicted about two index pages per stored row once the indexes outgrew
-- shared_buffers. stored_at is one value per stored batch and grows with time, so new rows go
-- into the last pages of their range, which stay in memory.
--
-- Rebuilding the indexes reads every partition; budget about a minute per 10M rows.
drop index governed_readings_category_time_idx;
create index governed_readings_category_time_idx
    on governed_readings (category, observed_at, stored_at, reading_id);

drop index governed_readings_sensor_time_idx;
create index governed_readings_sensor_time_idx
    on governed_readings (sensor_id, observed_at, stored_at, reading_id);
