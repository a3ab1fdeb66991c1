-- Stories that wait for their embargo, one row each while they wait, for the release job
-- to poll. V10's index on article (embargo_until) did not spare it the archive: the
-- embedded database sorts nulls first and reads every row of a "<= now" range, so each
-- poll (4 a second) read all of a million stories. A table of the few waiting stories
-- needs no index the reader lists could be misled by. The article row stays the truth
-- (embargoed, embargo_until); a row here only says when to look at it again.
create table pending_embargo (
    article_id  bigint primary key references article (id),
    lift_at     timestamp with time zone not null
);
create index pending_embargo_lift_idx on pending_embargo (lift_at);

insert into pending_embargo (article_id, lift_at)
    select id, embargo_until from article where embargoed = true and pubstatus <> 'canceled';

drop index article_embargo_until_idx;
