-- The ticker's own record of the stories its lines link to (issue 18), kept from the
-- article events it receives, so that building the ticker and its live stream reads no
-- article. Portable across H2 and PostgreSQL.
--
-- sequence_number, headline, path: the version readers see now, as the last
-- ArticlePublished described it (headline led by its label: 60 + 2 + 300 characters);
-- null while the ticker has heard only of a hold (a story written without events, such
-- as the archive generator's).
-- held: the story is on hold; its lines stay standing and are left out of the ticker.
-- A kill deletes the row: a killed story has no lines and no version to announce.
create table ticker_story (
    article_id       bigint       primary key references article (id),
    sequence_number  int,
    headline         varchar(362),
    path             varchar(200),
    held             boolean      default false not null
);

-- An upgraded database shows the same ticker: every public story on hold, and every one
-- with a standing headline, as its article row and current version say now. Other stories
-- get their row from their next event.
insert into ticker_story (article_id, sequence_number, headline, path, held)
    select a.id, a.current_sequence,
           case when w.label is null then w.headline else w.label || ': ' || w.headline end,
           '/articles/' || cast(a.id as varchar(20)) || '/' || a.slug,
           a.pubstatus = 'withheld'
    from article a
    join writethru w on w.article_id = a.id and w.sequence_number = a.current_sequence
    where a.embargoed = false and a.pubstatus <> 'canceled'
      and (a.pubstatus = 'withheld'
           or exists (select 1 from headline h where h.article_id = a.id and h.withdrawn = false));
