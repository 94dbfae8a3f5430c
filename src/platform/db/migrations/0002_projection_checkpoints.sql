-- Where each projection has got to. Written in the same transaction as the read-model change it
-- records, so a crash never applies an event twice or skips one.
create table if not exists projection_checkpoints (
  name text primary key,
  -- the projection's version in code when its tables were built; a bump rebuilds from 0
  version integer not null,
  position bigint not null default 0,
  updated_at timestamptz not null default now()
);
