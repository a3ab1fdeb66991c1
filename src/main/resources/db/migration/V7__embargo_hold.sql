-- What a story needs for the wire's embargoes and holds (issue 11). Portable across H2
-- and PostgreSQL.

-- embargo_until: when the embargo lifts (or lifted). It stays after the lift, so the
-- story can keep saying it was embargoed (ninjs "embargoed").
-- embargoed: true while the story waits for that moment; every public surface treats
-- such a story as if it did not exist.
alter table article add column embargo_until timestamp with time zone;
alter table article add column embargoed boolean default false not null;

-- A story on hold keeps its URL and headline but shows this note instead of its text
-- (pubstatus 'withheld').
alter table article add column hold_note varchar(2000);
alter table article add column held_at timestamp with time zone;

-- The release job looks for embargoes that are due without reading the archive.
create index article_embargo_due_idx on article (embargoed, embargo_until);

alter table change_record drop constraint change_record_kind_ck;
alter table change_record add constraint change_record_kind_ck
    check (kind in ('PUBLISHED', 'WRITETHRU', 'KILLED', 'TICKER', 'HELD', 'RELEASED'));
