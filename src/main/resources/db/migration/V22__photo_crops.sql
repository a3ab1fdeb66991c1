-- Photos (issue 21): centre crops in the aspect ratios search engines ask for (16:9, 4:3,
-- 1:1), stored beside the renditions at the photo's own ratio. A crop is rendered the first
-- time it is asked for and stored then (docs/decisions.md), so photos uploaded before this
-- migration get theirs too, without a backfill.
-- crop: 'none' for a rendition at the photo's own ratio, else the ratio, width x height.
-- A crop and a rendition of the same width are different pictures, so the ratio is part of
-- the key.
alter table photo_rendition add column crop varchar(4) default 'none' not null;
alter table photo_rendition add constraint photo_rendition_crop_ck check (crop in ('none', '16x9', '4x3', '1x1'));
alter table photo_rendition drop constraint photo_rendition_pk;
alter table photo_rendition add constraint photo_rendition_pk primary key (photo_id, crop, width, format);
