-- Tables another feature might add (the backup must find them in the catalog, not in a list): an identity
-- column, a generated column, arrays and ranges, a foreign key whose parent sorts after it by name, and a
-- sequence no column owns.
CREATE TABLE xrules (
    rule_id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name         text NOT NULL UNIQUE,
    pattern      text NOT NULL,
    weights      double precision[],
    valid_during tstzrange,
    created_at   timestamptz NOT NULL DEFAULT now(),
    name_upper   text GENERATED ALWAYS AS (upper(name)) STORED
);

CREATE TABLE xrule_hits (
    rule_id       bigint NOT NULL REFERENCES xrules (rule_id),
    log_bundle_id text NOT NULL REFERENCES log_bundles (log_bundle_id),
    hits          bigint NOT NULL,
    PRIMARY KEY (rule_id, log_bundle_id)
);

CREATE SEQUENCE report_numbers START 1000;
