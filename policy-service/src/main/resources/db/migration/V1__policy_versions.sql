-- Every policy version ever published (CONTRACT §6): kept with author, time and content hash, never
-- updated or deleted. The active policy is the highest version.
create table policy_versions (
    version      bigint primary key check (version > 0),
    document     text        not null,
    content_hash text        not null check (content_hash ~ '^[0-9a-f]{64}$'),
    author       text        not null,
    published_at timestamptz not null
);
