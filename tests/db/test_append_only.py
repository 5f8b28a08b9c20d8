"""The event log and the audit trail are append-only: PostgreSQL refuses TRUNCATE too (row
triggers do not fire on TRUNCATE, so revision 0005 adds statement triggers)."""

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from archive_desk.services import audit


@pytest.mark.parametrize("table", ["audit_entries", "events"])
def test_truncate_of_the_logs_is_refused_on_postgresql(admin, table):
    if admin.dialect != "postgresql":
        pytest.skip("SQLite has no TRUNCATE (DELETE is refused by the 0001 triggers)")
    before = len(audit.entries(admin))
    assert before  # the admin's sign-in at least
    with pytest.raises(DBAPIError, match="append-only"), admin.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {table} CASCADE"))
    assert len(audit.entries(admin)) >= before
