"""Exit codes of the `archive-desk` command line, one meaning each (listed in the README).

Scripts tell "some input was invalid" (1) from "the command was refused" (2), "the database
cannot be opened" (3) and "the program failed" (4); a crash never looks like an invalid input.
"""

from __future__ import annotations

OK = 0
INVALID = 1  # check-id / check-name: at least one input is invalid
ERROR = 2  # refused: bad arguments, permission, a business rule, a file that cannot be written
DB_UNAVAILABLE = 3  # the database cannot be opened (missing, not a database, newer schema, …)
CRASH = 4  # an unexpected error; the traceback goes to the log file, not the screen
