-- The tamper-evident audit log (CONTRACT §7.2). Rows here are only ever inserted; leaf indexes
-- are contiguous from 0 in consumption order.

-- Size of the Merkle tree: one row, locked by every append so that appenders are serialized.
create table merkle_tree (
  id        smallint primary key check (id = 1),
  tree_size bigint   not null check (tree_size >= 0)
);
insert into merkle_tree (id, tree_size) values (1, 0);

-- Hashes of complete subtrees: node (level, idx) covers leaves [idx * 2^level, (idx + 1) * 2^level).
-- Level 0 holds the leaf hashes. Written in the same transaction as the leaves.
create table merkle_nodes (
  level smallint not null check (level between 0 and 62),
  idx   bigint   not null check (idx >= 0),
  hash  bytea    not null check (octet_length(hash) = 32),
  primary key (level, idx)
);

create table audit_events (
  leaf_index         bigint      primary key check (leaf_index >= 0),
  event_id           text        not null unique,
  canonical          bytea       not null,
  leaf_hash          bytea       not null check (octet_length(leaf_hash) = 32),
  occurred_at        timestamptz,
  service            text,
  action             text,
  actor_subject      text,
  actor_roles        text[]      not null default '{}',
  actor_organization text,
  purpose            text,
  decision           text,
  kafka_partition    integer     not null,
  kafka_offset       bigint      not null,
  appended_at        timestamptz not null default now()
);
create index audit_events_occurred_at on audit_events (occurred_at, leaf_index);
create index audit_events_action on audit_events (action, leaf_index);
create index audit_events_actor on audit_events (actor_subject, leaf_index);
create index audit_events_purpose on audit_events (purpose, leaf_index);

-- Records that could not be logged, kept byte for byte so that nothing sent disappears silently.
create table audit_dead_letters (
  id              bigserial   primary key,
  topic           text        not null,
  kafka_partition integer     not null,
  kafka_offset    bigint      not null,
  raw             bytea,
  reason          text        not null,
  received_at     timestamptz not null default now(),
  unique (topic, kafka_partition, kafka_offset)
);

-- Every signed tree head ever issued (CONTRACT §7.2).
create table tree_heads (
  id           bigserial primary key,
  tree_size    bigint    not null check (tree_size >= 0),
  root_hash    bytea     not null,
  timestamp_ms bigint    not null,
  signature    bytea     not null,
  key_id       text      not null,
  signed_at    timestamptz not null default now()
);
create index tree_heads_timestamp on tree_heads (timestamp_ms desc, id desc);
