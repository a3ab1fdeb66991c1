-- The ordered record of changes every node follows (docs/architecture.md, "Change record").
-- Rows are appended in the same transaction as the change they describe. Ids are handed
-- out from change_counter, whose single row each writing transaction locks until it
-- commits: ids therefore become visible in the order they were given, and a follower that
-- has read up to id n can never later meet a smaller one.

create table change_counter (
    id     int    primary key,
    last_id  bigint not null
);

insert into change_counter (id, last_id) values (1, 0);

create table change_record (
    id            bigint      primary key,
    kind          varchar(20) not null,
    article_id    bigint,
    section_code  varchar(40),
    recorded_at   timestamp with time zone not null,
    constraint change_record_kind_ck check (kind in ('PUBLISHED', 'WRITETHRU', 'KILLED', 'TICKER'))
);
