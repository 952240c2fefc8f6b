-- MMFuse's PostgreSQL membership schema for the Orleans ADO.NET clustering provider (Microsoft.Orleans.Clustering.AdoNet).
-- The provider ships no SQL: it reads the text of each query it needs from the table OrleansQuery (QueryKey, QueryText)
-- and binds its parameters (@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort,
-- @StartTime, @IAmAliveTime, @SuspectTimes, @Version) and reads the result column names ("Address", "Port", ...).
-- This file is MMFuse's own schema and queries for that contract. `mmfuse worker --cluster postgres://...` applies it at
-- start, under an advisory lock, and every statement is idempotent: an empty database is all a cluster needs, and a
-- newer worker upgrades the query texts in place. Statements are separated by lines holding only `;;`.

-- One row per cluster (DeploymentId is the Orleans cluster id): the membership table's version. Every change to a
-- silo's row bumps it, and only when the writer read the version it expects (optimistic concurrency), so two silos
-- never both win a conflicting change.
CREATE TABLE IF NOT EXISTS mmfuse_membership_version (
    deployment_id text PRIMARY KEY,
    version integer NOT NULL DEFAULT 0,
    changed_at timestamptz NOT NULL DEFAULT now()
)
;;
-- One row per silo start: its address, port and generation (start stamp) identify it; status is the Orleans SiloStatus
-- (3 active, 6 dead); suspect_times is the Orleans "silo,time|silo,time" list of who suspects it.
CREATE TABLE IF NOT EXISTS mmfuse_membership (
    deployment_id text NOT NULL REFERENCES mmfuse_membership_version (deployment_id) ON DELETE CASCADE,
    address text NOT NULL,
    port integer NOT NULL,
    generation integer NOT NULL,
    silo_name text NOT NULL,
    host_name text NOT NULL,
    status integer NOT NULL,
    proxy_port integer,
    suspect_times text,
    start_time timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
)
;;
-- A silo's row under the column names the provider reads; both membership reads select from it.
CREATE OR REPLACE VIEW mmfuse_membership_entries AS
SELECT deployment_id, address AS "Address", port AS "Port", generation AS "Generation", silo_name AS "SiloName",
       host_name AS "HostName", status AS "Status", proxy_port AS "ProxyPort", suspect_times AS "SuspectTimes",
       start_time AS "StartTime", i_am_alive_time AS "IAmAliveTime"
FROM mmfuse_membership
;;
-- The provider's query table; its name and columns are fixed by the provider (unquoted, so PostgreSQL folds them).
CREATE TABLE IF NOT EXISTS OrleansQuery (
    QueryKey varchar(64) PRIMARY KEY,
    QueryText text NOT NULL
)
;;
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- A silo's first step: make sure the cluster has its version row; true when this call created it.
('InsertMembershipVersionKey', '
WITH created AS (
    INSERT INTO mmfuse_membership_version (deployment_id) VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1
)
SELECT count(*) = 1 FROM created'),

-- A silo joins: add its row and bump the version, both or neither. The version row is locked while it still holds the
-- version the silo read, so a concurrent writer either went first (no lock: false) or waits for this one.
('InsertMembershipKey', '
WITH expected AS (
    SELECT deployment_id FROM mmfuse_membership_version
    WHERE deployment_id = @DeploymentId AND version = @Version
    FOR UPDATE
), added AS (
    INSERT INTO mmfuse_membership (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_time)
    SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime FROM expected
    ON CONFLICT DO NOTHING
    RETURNING deployment_id
), bumped AS (
    UPDATE mmfuse_membership_version SET version = version + 1, changed_at = now()
    WHERE deployment_id IN (SELECT deployment_id FROM added)
    RETURNING 1
)
SELECT count(*) = 1 FROM bumped'),

-- The status or suspicions of a silo change: update its row and bump the version, both or neither (as above).
('UpdateMembershipKey', '
WITH expected AS (
    SELECT deployment_id FROM mmfuse_membership_version
    WHERE deployment_id = @DeploymentId AND version = @Version
    FOR UPDATE
), changed AS (
    UPDATE mmfuse_membership m SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
    FROM expected e
    WHERE m.deployment_id = e.deployment_id AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    RETURNING m.deployment_id
), bumped AS (
    UPDATE mmfuse_membership_version SET version = version + 1, changed_at = now()
    WHERE deployment_id IN (SELECT deployment_id FROM changed)
    RETURNING 1
)
SELECT count(*) = 1 FROM bumped'),

-- The periodic heartbeat: no version bump (it changes no view of the cluster).
('UpdateIAmAlivetimeKey', '
UPDATE mmfuse_membership SET i_am_alive_time = @IAmAliveTime
WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation'),

-- The row of one silo with the table version; the version comes back even when the silo has no row (left join).
('MembershipReadRowKey', '
SELECT v.version AS "Version", m.*
FROM mmfuse_membership_version v
LEFT JOIN mmfuse_membership_entries m ON m.deployment_id = v.deployment_id
    AND m."Address" = @Address AND m."Port" = @Port AND m."Generation" = @Generation
WHERE v.deployment_id = @DeploymentId'),

-- The row of every silo with the table version (one row with the version alone when the cluster has no silo).
('MembershipReadAllKey', '
SELECT v.version AS "Version", m.*
FROM mmfuse_membership_version v
LEFT JOIN mmfuse_membership_entries m ON m.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId'),

-- What a client connects to: the gateways of the silos in the status it asks for (active).
('GatewaysQueryKey', '
SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
FROM mmfuse_membership
WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0'),

-- Forget a whole cluster: its version row, and its silos with it (the foreign key cascades).
('DeleteMembershipTableEntriesKey', '
DELETE FROM mmfuse_membership_version WHERE deployment_id = @DeploymentId'),

-- Housekeeping: rows of silos that are no longer active and have not sent a heartbeat since the cutoff. The row of a
-- killed worker is first declared dead by the others, then removed here; it never blocks a new worker from joining.
('CleanupDefunctSiloEntriesKey', '
DELETE FROM mmfuse_membership
WHERE deployment_id = @DeploymentId AND i_am_alive_time < @IAmAliveTime AND status <> 3')

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText
