-- Anomaly scores of a bundle per (message template, node), computed on the bundle's node when the
-- bundle is complete and replaced as a whole. Template ids are the scoring node's (scored_on):
-- rows scored on another node (before a failover) are ignored until the bundle is scored again.
CREATE TABLE bundle_anomalies (
    log_bundle_id text NOT NULL,
    template_id   bigint NOT NULL,
    node          text NOT NULL,             -- cvm_ip, '' for records without one
    score         double precision NOT NULL, -- (0, 1]
    record_count  bigint NOT NULL,
    error_count   bigint NOT NULL,
    reasons       jsonb NOT NULL,            -- [{kind, detail, contribution}]
    PRIMARY KEY (log_bundle_id, template_id, node)
);
CREATE INDEX bundle_anomalies_by_score ON bundle_anomalies (log_bundle_id, score DESC);

-- The last scan of each bundle: when, on which node, how many pairs it scored.
CREATE TABLE bundle_anomaly_scans (
    log_bundle_id text PRIMARY KEY,
    scanned_at    timestamptz NOT NULL,
    scored_on     text NOT NULL,
    pairs         integer NOT NULL
);
