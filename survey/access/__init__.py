"""Who may do what: accounts and sign-in, roles and permissions, the audit log."""
