-- One change record per transaction and article, carrying every kind of change the
-- transaction made to it (a writethru: WRITETHRU and TICKER), instead of one row per kind
-- (docs/architecture.md, "Change record"). kinds holds the names of ChangeKind joined by
-- commas, in the enum's order; a row from before keeps its one kind. Portable across H2
-- and PostgreSQL. No check constraint: the names are read back through ChangeKind, and a
-- list cannot be checked portably.
alter table change_record add column kinds varchar(100);
update change_record set kinds = kind;
alter table change_record alter column kinds set not null;
alter table change_record drop constraint change_record_kind_ck;
alter table change_record drop column kind;
