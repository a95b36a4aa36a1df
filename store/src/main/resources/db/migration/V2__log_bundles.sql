-- Metadata of log bundles: the seed's columns first, then job timing, progress and results.
CREATE TABLE log_bundles (
    log_bundle_id          text PRIMARY KEY,
    log_bundle_path        text NOT NULL,
    status                 text NOT NULL CHECK (status IN ('queued', 'inprogress', 'completed', 'failed')),
    hosting_worker_vm_ip   text,
    bundle_size            bigint,
    bundle_type            text,
    is_analyzed            boolean NOT NULL DEFAULT false,
    remote_log_bundle_path text,

    log_type               text,
    submitted_at           timestamptz NOT NULL,
    start_time             timestamptz,
    end_time               timestamptz,
    error_msg              text,

    files_total            bigint NOT NULL DEFAULT 0,
    files_done             bigint NOT NULL DEFAULT 0,
    bytes_total            bigint NOT NULL DEFAULT 0,
    bytes_done             bigint NOT NULL DEFAULT 0,
    records                bigint NOT NULL DEFAULT 0,

    warnings               jsonb NOT NULL DEFAULT '[]',
    summary                jsonb  -- counts per node/service/level, written at completion
);

-- Serves lookups by path and "latest submission of a path".
CREATE INDEX log_bundles_path_idx ON log_bundles (log_bundle_path, submitted_at DESC);

-- One row per inbox file ever claimed: the primary key makes ingestion exactly-once across restarts and nodes.
CREATE TABLE inbox_claims (
    path          text PRIMARY KEY,
    size          bigint,
    mtime         timestamptz,
    log_bundle_id text,
    claimed_at    timestamptz
);
