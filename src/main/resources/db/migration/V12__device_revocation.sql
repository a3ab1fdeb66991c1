-- Device cookies name when they were issued (issue 23): the server refuses one older than
-- newswire.login.device-cookie-lifetime, and one issued before the account's devices were
-- revoked. The revocation is kept here, so every node refuses the same cookies.
-- Portable across H2 and PostgreSQL.
alter table editor add column devices_revoked_at timestamp with time zone;

-- The constraint names every audit action again (see V9), now with DEVICES_REVOKED; a
-- later migration that adds actions must name all of these again.
alter table audit_entry drop constraint audit_entry_action_ck;
alter table audit_entry add constraint audit_entry_action_ck
    check (action in ('PUBLISHED', 'WRITETHRU', 'CORRECTED', 'KILLED', 'HEADLINE_POSTED', 'HEADLINE_WITHDRAWN',
        'SIGNED_IN', 'SIGNED_OUT', 'EDITOR_CREATED', 'EDITOR_DISABLED', 'EDITOR_ENABLED', 'PASSWORD_RESET',
        'EMBARGOED', 'EMBARGO_MOVED', 'EMBARGO_LIFTED', 'WRITETHRU_SCHEDULED', 'SCHEDULE_CANCELLED',
        'SCHEDULE_CONFLICT', 'HELD', 'RELEASED', 'DEVICES_REVOKED'));
