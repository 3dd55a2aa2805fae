"""Problems reported: author mistakes as located, actionable lines (`path:line:col: field: ...`)."""
