-- Holds and their release are audited (issue 11). Portable across H2 and PostgreSQL.
-- The constraint names every AuditAction: a later migration that adds actions must name
-- all of them again, those added here included.
alter table audit_entry drop constraint audit_entry_action_ck;
alter table audit_entry add constraint audit_entry_action_ck check (action in ('PUBLISHED', 'WRITETHRU', 'CORRECTED',
    'KILLED', 'HEADLINE_POSTED', 'HEADLINE_WITHDRAWN', 'SIGNED_IN', 'SIGNED_OUT', 'EDITOR_CREATED', 'EDITOR_DISABLED',
    'EDITOR_ENABLED', 'PASSWORD_RESET', 'HELD', 'RELEASED'));
