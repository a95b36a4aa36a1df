-- Known-issue rules: the current definition of each rule, and every saved version (its history).
-- A deleted rule keeps its row (deleted = true) so a later re-creation continues its versions.
CREATE TABLE rules (
    rule_id     text PRIMARY KEY,
    version     integer NOT NULL,
    definition  jsonb NOT NULL,          -- the rule in its JSON format (docs/rules.md), version included
    enabled     boolean NOT NULL DEFAULT true,
    deleted     boolean NOT NULL DEFAULT false,
    origin      text NOT NULL,           -- starter | user | import
    updated_at  timestamptz NOT NULL
);

CREATE TABLE rule_versions (
    rule_id     text NOT NULL,
    version     integer NOT NULL,
    definition  jsonb NOT NULL,
    change      text NOT NULL CHECK (change IN ('created', 'updated', 'deleted')),
    enabled     boolean NOT NULL,
    changed_at  timestamptz NOT NULL,
    changed_by  text,
    PRIMARY KEY (rule_id, version)
);

-- Rules that fired on a bundle: one row per rule and node ('' for a cluster-wide condition),
-- replaced as a whole each time the bundle's rules are checked.
CREATE TABLE bundle_issues (
    log_bundle_id text NOT NULL,
    rule_id       text NOT NULL,
    node          text NOT NULL,
    rule_version  integer NOT NULL,
    title         text NOT NULL,
    severity      text NOT NULL,
    first_time    timestamptz NOT NULL,
    last_time     timestamptz NOT NULL,
    match_count   bigint NOT NULL,
    peak          integer NOT NULL,
    truncated     boolean NOT NULL,
    evidence      jsonb NOT NULL,        -- record ids
    PRIMARY KEY (log_bundle_id, rule_id, node)
);

-- The last rule check of each bundle: when, how many rules, which were skipped and why, and
-- whether it saw the complete bundle (final) or the part ingested so far.
CREATE TABLE bundle_rule_checks (
    log_bundle_id text PRIMARY KEY,
    checked_at    timestamptz NOT NULL,
    rules_checked integer NOT NULL,
    skipped       jsonb NOT NULL,
    final         boolean NOT NULL
);
