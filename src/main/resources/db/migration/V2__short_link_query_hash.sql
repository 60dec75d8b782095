-- The same scene shared twice gets the same code: the service finds a query's row by its SHA-256
-- (hex), since a B-tree index on the query itself would refuse PostgreSQL rows over about 2.7 kB.
-- Rows made before this have no hash and are not reused; they still resolve as before.
alter table short_link add column query_hash varchar(64);
create index short_link_query_hash on short_link (query_hash);
