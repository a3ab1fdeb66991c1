-- Holds and their release are audited (issue 11). Portable across H2 and PostgreSQL.
-- The constraint names every audit action. It names the embargo's actions (V8, on the
-- embargo branch) too, so that whichever branch merges first, the last migration leaves
-- all of them allowed; a later migration that adds actions must name all of these again.
alter table audit_entry drop constraint audit_entry_action_ck;
alter table audit_entry add constraint audit_entry_action_ck
    check (action in ('PUBLISHED', 'WRITETHRU', 'CORRECTED', 'KILLED', 'HEADLINE_POSTED', 'HEADLINE_WITHDRAWN',
        'SIGNED_IN', 'SIGNED_OUT', 'EDITOR_CREATED', 'EDITOR_DISABLED', 'EDITOR_ENABLED', 'PASSWORD_RESET',
        'EMBARGOED', 'EMBARGO_MOVED', 'EMBARGO_LIFTED', 'WRITETHRU_SCHEDULED', 'SCHEDULE_CANCELLED',
        'SCHEDULE_CONFLICT', 'HELD', 'RELEASED'));
