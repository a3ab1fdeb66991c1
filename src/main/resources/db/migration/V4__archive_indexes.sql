-- Indexes the reader pages need once the archive holds a million stories, so that no
-- page reads more than the rows it shows.

-- The news sitemap: visible stories first published in the last two days, newest first.
create index article_first_published_idx on article (first_published_at, id);

-- The corrections page: corrections newest first, without reading every version's body.
create index writethru_kind_published_idx on writethru (kind, published_at, id);
