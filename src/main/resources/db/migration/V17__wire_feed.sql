-- The client feed (docs/api.md). One row, written by the first node that starts
-- (WireState), because neither database can make the random values in the same SQL:
--   era            a random number that cursors carry; a cursor of another era names a
--                  change of another database (a restore from backup: raise it by one,
--                  docs/api.md) and is answered 410 instead of resuming at a wrong place
--   cursor_secret  the HMAC key that makes cursors tamper-proof, shared by every node
--   pruned_through the last change record the retention job deleted: a cursor before
--                  it has lost changes and is answered 410
--   pruned_before  the cutoff of that prune: every deleted record was recorded before
--                  it, so since= at or after it lost nothing
create table wire_state (
    id              int         primary key,
    era             bigint      not null,
    cursor_secret   varchar(64) not null,
    pruned_through  bigint      not null,
    pruned_before   timestamp with time zone,
    constraint wire_state_one_row_ck check (id = 1)
);
