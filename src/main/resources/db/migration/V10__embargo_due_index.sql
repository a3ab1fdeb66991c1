-- V7's index on (embargoed, embargo_until) led H2's planner astray: for the reader lists'
-- "embargoed = false" it preferred that index to the (updated_at, id) walk, read the
-- whole archive and sorted it (minutes per page at a million stories). Indexed by the
-- lift time alone, it serves only what it is for: the release job's "due by now" range,
-- where nearly every row's embargo_until is null and is skipped.
drop index article_embargo_due_idx;
create index article_embargo_until_idx on article (embargo_until);
