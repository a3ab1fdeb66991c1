-- Purging the edge (docs/operations.md): the last change whose tags were soft-purged at
-- every configured edge, on one row that the purging node holds locked (select ... for
-- update) while it sends the purges and moves it on: each change is purged once per
-- cluster, and a purge that failed is sent again. Purging starts with the changes after
-- this migration.
create table edge_purge (
    id              int    primary key,
    last_change_id  bigint not null
);
insert into edge_purge (id, last_change_id) values (1, (select coalesce(max(id), 0) from change_record));
