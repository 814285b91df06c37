#!/usr/bin/env python3
"""SQLite's own share of an API cancel, without .NET: the statements one default cancel runs (as EF Core
logs them, from CancellationService and the token's account check), run by Python's sqlite3 module on a
copy of the load test's database, one cancel after another, single-threaded. Prints the CPU per cancel
with the statements kept prepared (the floor), prepared anew for every execution (what Microsoft.Data.Sqlite
does: it keeps no statement across commands), and spread over 8 connections (each connection's page cache
is dropped when another one has written). See docs/performance.md, "Fourth round".

Usage: bench/sqlite-cancel-floor.py [pristine.db] [cancels per mode]
The pristine database is the one bench/run-api-load.sh generates (default /tmp/api-load.pristine.db);
it is copied, never written. Python's sqlite3 links the system's SQLite, not the app's e_sqlite3.
"""
import datetime, shutil, sqlite3, sys, tempfile, time, os

STATEMENTS = [
    'SELECT "a"."SecurityStamp", "a"."LockoutEnabled", "a"."LockoutEnd", "a"."IsDeactivated"\nFROM "AspNetUsers" AS "a"\nWHERE "a"."Id" = ?\nLIMIT 2',
    'SELECT "a"."Id", "a"."UserName", "a"."DisplayName", "a"."UnitId"\nFROM "AspNetUsers" AS "a"\nWHERE "a"."Id" = ?\nLIMIT 2',
    'SELECT "j"."Id", "j"."Number", "j"."JobTypeId", "j"."LifeCycleState", "j0"."Id", "j0"."AlternativeCode", "j0"."DefaultCancelStatusId", "j0"."DefaultCompleteStatusId", "j0"."DefaultStartStatusId", "j0"."Description", "j0"."FulfillmentMethod", "j0"."FulfillmentScope", "j0"."Name", "j1"."Id", "j1"."AlternativeCode", "j1"."Description", "j1"."LifeCycleState", "j1"."Name", EXISTS (\n    SELECT 1\n    FROM "JobTypeStatuses" AS "j2"\n    WHERE "j2"."JobTypeId" = "j"."JobTypeId" AND "j2"."JobStatusId" = "j0"."DefaultCancelStatusId")\nFROM "Jobs" AS "j"\nINNER JOIN "JobTypes" AS "j0" ON "j"."JobTypeId" = "j0"."Id"\nLEFT JOIN "JobStatuses" AS "j1" ON "j0"."DefaultCancelStatusId" = "j1"."Id"\nWHERE "j"."Number" = ?\nLIMIT 2',
    'SELECT "c"."Id", "c"."AlternativeCode", "c"."Description", "c"."IsRetired", "c"."Name"\nFROM "JobTypeCancellationReasons" AS "j"\nINNER JOIN "CancellationReasons" AS "c" ON "j"."CancellationReasonId" = "c"."Id"\nWHERE "j"."JobTypeId" = ? AND "j"."IsDefault" AND NOT ("c"."IsRetired")\nLIMIT 1',
    'SELECT "j"."Id", "j"."AccountName", "j"."AccountNumber", "j"."ActualCompletionDate", "j"."AssignedUnitId", "j"."AssignedUserId", "j"."ContactEmail", "j"."ContactPhone", "j"."CreatedAt", "j"."CreatedByUserId", "j"."Description", "j"."ExpectedCompletionDate", "j"."ExpirationDate", "j"."JobStatusId", "j"."JobTypeId", "j"."LifeCycleState", "j"."Notes", "j"."Number", "j"."RatingState", "j"."ScheduledDate", "j"."StartDate", "j"."UpdatedAt", "j"."UpdatedByUserId", "j"."Version", "a"."Id" IS NULL, "a"."Id", "a"."DisplayName", "u"."Id" IS NULL, "u"."Id", "u"."Name", "a0"."UserName"\nFROM "Jobs" AS "j"\nLEFT JOIN "AspNetUsers" AS "a" ON "j"."AssignedUserId" = "a"."Id"\nLEFT JOIN "Units" AS "u" ON "j"."AssignedUnitId" = "u"."Id"\nLEFT JOIN "AspNetUsers" AS "a0" ON "j"."CreatedByUserId" = "a0"."Id"\nWHERE "j"."Id" = ?\nLIMIT 2',
    'SELECT "j"."Id", "j"."JobId", "j"."Kind", "j"."ProductCode", "j"."ProductName", "j"."Quantity", "j"."SerialNumber", "j"."State"\nFROM "JobItems" AS "j"\nWHERE "j"."JobId" = ?\nORDER BY "j"."Id"',
    'INSERT INTO "JobCancellations" ("BulkRunId", "CancelProvidedItems", "CancellationReasonId", "CancelledAt", "CancelledByUnitId", "CancelledByUserId", "Channel", "ItemsCancelled", "JobId", "JobStatusId", "LastReviewComment", "LastReviewedAt", "Note", "PreviousJobStatusId", "PreviousLifeCycleState", "ProvidedItemsLeft", "ReopenReason", "ReopenedAt", "ReopenedByUserId")\nVALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)\nRETURNING "Id", "ReviewState";',
    'INSERT INTO "JobEvents" ("JobId", "Kind", "OccurredAt", "Summary", "UserId")\nVALUES (?, ?, ?, ?, ?)\nRETURNING "Id";',
    'UPDATE "JobItems" SET "State" = ?\nWHERE "Id" = ?\nRETURNING 1;',
    'UPDATE "Jobs" SET "JobStatusId" = ?, "LifeCycleState" = ?, "UpdatedAt" = ?, "Version" = ?\nWHERE "Id" = ? AND "Version" = ?\nRETURNING 1;',
    'INSERT INTO "JobCancellationItems" ("JobCancellationId", "JobItemId", "PreviousState")\nVALUES (?, ?, ?)\nRETURNING "Id";',
]
(ACCOUNT, ACTOR, JOB, DEFAULT_REASON, JOB_TO_WRITE, ITEMS, INSERT_CANCELLATION, INSERT_EVENT,
 UPDATE_ITEM, UPDATE_JOB, INSERT_CANCELLATION_ITEM) = STATEMENTS


def main():
    pristine = sys.argv[1] if len(sys.argv) > 1 else "/tmp/api-load.pristine.db"
    per_mode = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    folder = tempfile.mkdtemp(prefix="cancel-floor-")
    path = os.path.join(folder, "floor.db")
    shutil.copyfile(pristine, path)
    try:
        def connect(cache):
            c = sqlite3.connect(path, isolation_level=None, cached_statements=cache)
            c.execute("PRAGMA synchronous = NORMAL")  # as the app's SqlitePragmaInterceptor
            return c

        first = connect(256)
        user = first.execute("SELECT Id FROM AspNetUsers WHERE UserName = 'maria.lopez@example.com'").fetchone()[0]
        modes = [("warm-up (not counted)", 256, 1), ("one connection, statements kept prepared", 256, 1),
                 ("one connection, every statement prepared anew", 0, 1),
                 ("8 connections in turn, statements kept prepared", 256, 8),
                 ("8 connections in turn, every statement prepared anew (the app's case)", 0, 8)]
        numbers = [r[0] for r in first.execute(
            "SELECT Number FROM Jobs WHERE LifeCycleState = 'PENDING' LIMIT ?", (per_mode * len(modes),))]
        if len(numbers) < per_mode * len(modes):
            sys.exit(f"Only {len(numbers)} pending jobs; {per_mode * len(modes)} are needed.")
        for index, (label, cache, count) in enumerate(modes):
            connections = [connect(cache) for _ in range(count)]
            chunk = numbers[index * per_mode:(index + 1) * per_mode]
            started = time.process_time()
            for k, number in enumerate(chunk):
                cancel(connections[k % count], user, number)
            ms = (time.process_time() - started) / len(chunk) * 1000
            print(f"{label}: {ms:.2f} ms of CPU per cancel")
    finally:
        shutil.rmtree(folder)


def cancel(db, user, number):
    db.execute(ACCOUNT, (user,)).fetchall()
    db.execute(ACTOR, (user,)).fetchall()
    job = db.execute(JOB, (number,)).fetchone()
    job_id, type_id = job[0], job[2]
    reason = db.execute(DEFAULT_REASON, (type_id,)).fetchone()
    db.execute("BEGIN IMMEDIATE")
    row = db.execute(JOB_TO_WRITE, (job_id,)).fetchone()
    version = row[23]
    items = [r[0] for r in db.execute(ITEMS, (job_id,)).fetchall()]
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")
    record = db.execute(INSERT_CANCELLATION, (None, 0, reason[0] if reason else 1, now, 1, user, "API", len(items), job_id,
                                              8, None, None, None, 1, "PENDING", 0, None, None, None)).fetchone()[0]
    db.execute(INSERT_EVENT, (job_id, "CANCELLED", now, "Cancelled through the API. Status: Cancelled, reason: Customer request.", user)).fetchall()
    for item in items:
        db.execute(UPDATE_ITEM, ("CANCELLED", item)).fetchall()
    db.execute(UPDATE_JOB, (8, "CANCELLED", now, version + 1, job_id, version)).fetchall()
    for item in items:
        db.execute(INSERT_CANCELLATION_ITEM, (record, item, "PENDING")).fetchall()
    db.execute("COMMIT")


if __name__ == "__main__":
    main()
