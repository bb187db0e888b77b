-- SPEC §5.2 in DuckDB SQL, written as an analyst would: read_csv, joins, window functions, one row per figure.
-- $persons and $events are replaced by the quoted file paths. The last statement yields (figure, value) rows; a figure
-- withheld by small-cell protection has value NULL.
CREATE TEMP TABLE persons AS
SELECT person_id FROM read_csv($persons, header = true, types = {'person_id': 'VARCHAR'});

CREATE TEMP TABLE events AS
SELECT event_id, person_id, "start", service_level, provider_id, channel, cost_eur, referral_from
FROM read_csv($events, header = true, types = {
    'event_id': 'VARCHAR', 'person_id': 'VARCHAR', 'start': 'TIMESTAMP', 'service_level': 'VARCHAR', 'provider_id': 'VARCHAR',
    'channel': 'VARCHAR', 'cost_eur': 'DECIMAL(18, 6)', 'referral_from': 'VARCHAR'});

CREATE TEMP TABLE person_cost AS
SELECT p.person_id,
       COALESCE(SUM(e.cost_eur), 0) AS cost,
       COUNT(DISTINCT e.service_level) AS levels,
       COUNT(DISTINCT e.provider_id) AS providers
FROM persons p LEFT JOIN events e USING (person_id)
GROUP BY p.person_id;

CREATE TEMP TABLE ranked AS
SELECT cost, levels, providers,
       ROW_NUMBER() OVER (ORDER BY cost, person_id) AS i,
       ROW_NUMBER() OVER (ORDER BY cost DESC, person_id) AS heavy_rank,
       SUM(cost) OVER (ORDER BY cost, person_id ROWS UNBOUNDED PRECEDING) AS cumulative
FROM person_cost;

CREATE TEMP TABLE totals AS
SELECT COUNT(*) AS n, SUM(cost) AS total FROM ranked;

CREATE TEMP TABLE pairs AS
SELECT e.event_id, e.person_id, e.service_level, e."start" - r."start" AS wait,
       EXISTS (SELECT 1 FROM events f
               WHERE f.referral_from = e.event_id AND f.provider_id = r.provider_id
                 AND f."start" - r."start" <= INTERVAL 90 DAY) AS returned
FROM events e JOIN events r ON e.referral_from = r.event_id;

WITH
top AS (
    SELECT p, SUM(cost) FILTER (WHERE i > n - (p * n + 99) // 100) AS part
    FROM ranked, totals, (VALUES (1), (5), (10), (20)) AS shares(p)
    GROUP BY p
),
lorenz AS (
    SELECT k, COALESCE((SELECT cumulative FROM ranked WHERE i = (k * n) // 100), 0) AS part
    FROM range(0, 101) AS r(k), totals
),
heavy AS (
    SELECT heavy_rank <= (n + 9) // 10 AS is_heavy, AVG(levels) AS levels, AVG(providers) AS providers
    FROM ranked, totals
    GROUP BY ALL
),
by_level AS (
    SELECT service_level, COUNT(DISTINCT person_id) AS persons, COUNT(*) AS events, SUM(cost_eur) AS cost
    FROM events GROUP BY service_level
),
by_channel AS (
    SELECT channel, COUNT(DISTINCT person_id) AS persons, COUNT(*) AS events
    FROM events GROUP BY channel
),
waits AS (
    SELECT service_level, COUNT(DISTINCT person_id) AS persons, MEDIAN(EPOCH(wait)) / 86400 AS days
    FROM pairs GROUP BY service_level
)
SELECT 'persons' AS figure, CAST(n AS DOUBLE) AS value FROM totals
UNION ALL SELECT 'events', (SELECT COUNT(*) FROM events)
UNION ALL SELECT 'total_cost_eur', CAST(total AS DOUBLE) FROM totals
UNION ALL SELECT 'top_share.p' || p, CAST(part / NULLIF(total, 0) AS DOUBLE) FROM top, totals
UNION ALL SELECT 'gini', CAST(SUM((2 * i - n - 1) * cost) / NULLIF(n * total, 0) AS DOUBLE) FROM ranked, totals GROUP BY n, total
UNION ALL SELECT 'lorenz[' || k || ']', CAST(part / NULLIF(total, 0) AS DOUBLE) FROM lorenz, totals
UNION ALL SELECT 'by_level[' || service_level || '].persons', CASE WHEN persons >= 5 THEN persons END FROM by_level
UNION ALL SELECT 'by_level[' || service_level || '].events', CASE WHEN persons >= 5 THEN events END FROM by_level
UNION ALL SELECT 'by_level[' || service_level || '].cost_eur', CASE WHEN persons >= 5 THEN CAST(cost AS DOUBLE) END FROM by_level
UNION ALL SELECT 'by_channel[' || channel || '].events', CASE WHEN persons >= 5 THEN events END FROM by_channel
UNION ALL SELECT 'by_channel[' || channel || '].share', CASE WHEN persons >= 5 THEN events / (SELECT COUNT(*) FROM events) END FROM by_channel
UNION ALL SELECT 'referrals.count', COUNT(*) FROM pairs
UNION ALL SELECT 'referrals.returned', COUNT(*) FILTER (WHERE returned) FROM pairs
UNION ALL SELECT 'referrals.persons_with_returned', COUNT(DISTINCT person_id) FILTER (WHERE returned) FROM pairs
UNION ALL SELECT 'referrals.median_wait_days.' || service_level, CASE WHEN persons >= 5 THEN days END FROM waits
UNION ALL SELECT 'heavy_users.share_of_persons', 0.1
UNION ALL SELECT 'heavy_users.mean_distinct_levels', (SELECT levels FROM heavy WHERE is_heavy)
UNION ALL SELECT 'heavy_users.mean_distinct_providers', (SELECT providers FROM heavy WHERE is_heavy)
UNION ALL SELECT 'heavy_users.rest_mean_distinct_levels', (SELECT levels FROM heavy WHERE NOT is_heavy)
UNION ALL SELECT 'heavy_users.rest_mean_distinct_providers', (SELECT providers FROM heavy WHERE NOT is_heavy);
