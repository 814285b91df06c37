using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace JobsPortal.Data;

/// <summary>
/// The one way the app's writers of jobs begin their transaction, so that a read-check-write on a job
/// (cancel, reopen, start, complete, bulk, import) happens once, whoever else writes at the same moment.
/// <list type="bullet">
/// <item>SQLite: the app's <see cref="SqliteWriteGate"/>, then <c>BEGIN IMMEDIATE</c> (Microsoft.Data.Sqlite's
/// default), which holds the file's one write lock for the whole transaction; the job is re-read inside it.</item>
/// <item>PostgreSQL: several app instances share the database, so an in-process gate would prove nothing.
/// A READ COMMITTED transaction takes <c>SELECT ... FOR UPDATE</c> on the job rows it is about to change
/// (<see cref="JobWriteTransaction.LockJobsAsync"/>); a second writer of the same job waits there until the
/// first commits, and its re-read then sees what the first did, exactly as on SQLite.</item>
/// </list>
/// </summary>
public sealed class JobWrites(DatabaseSettings database, SqliteWriteGate gate)
{
    /// <summary>Begins the operation's one transaction (on SQLite after the app's write gate).</summary>
    public async Task<JobWriteTransaction> BeginAsync(JobsPortalDbContext db, CancellationToken ct)
    {
        var turn = await TurnAsync(ct);
        try
        {
            var tx = await db.Database.BeginTransactionAsync(ct);
            return new JobWriteTransaction(db, tx, turn, database.IsPostgreSql);
        }
        catch
        {
            await turn.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// For a single statement that is its own transaction (a run's counters, a preference): on SQLite the
    /// write gate, so it queues politely behind the app's other writers; on PostgreSQL nothing is needed.
    /// </summary>
    public async Task<IAsyncDisposable> TurnAsync(CancellationToken ct) =>
        database.IsPostgreSql ? NoTurn.Instance : await gate.EnterAsync(ct);

    /// <summary>
    /// A constraint said no (a second current cancellation of a job, a taken job number): SQLite's
    /// SQLITE_CONSTRAINT (19) or PostgreSQL's integrity-constraint class (23xxx).
    /// </summary>
    public static bool IsConstraintViolation(DbUpdateException e) =>
        e.InnerException is SqliteException { SqliteErrorCode: 19 } or PostgresException { SqlState: [ '2', '3', .. ] };

    private sealed class NoTurn : IAsyncDisposable
    {
        public static readonly NoTurn Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>
/// An operation's transaction from <see cref="JobWrites.BeginAsync"/>; disposing it rolls back what was
/// not committed and lets the next writer in. Disposing twice is harmless, so an operation may end it
/// early (after the commit, before it tells open pages) and still hold it in a <c>using</c>.
/// </summary>
public sealed class JobWriteTransaction(JobsPortalDbContext db, IDbContextTransaction tx, IAsyncDisposable turn, bool postgreSql) : IAsyncDisposable
{
    /// <summary>
    /// The advisory lock that serializes the admin area's read-check-writes (the last admin, a unique
    /// name) across instances on PostgreSQL, as SQLite's single writer does.
    /// </summary>
    private const long AdminLockKey = 0x4A6F_6273_4164_6D6E; // "JobsAdmn"

    /// <summary>
    /// On PostgreSQL, locks these jobs' rows until the transaction ends, in id order so that two writers
    /// of overlapping sets cannot deadlock; call it before reading the jobs to change. On SQLite the
    /// transaction already holds the database's write lock.
    /// </summary>
    public async Task LockJobsAsync(IReadOnlyCollection<int> jobIds, CancellationToken ct)
    {
        if (!postgreSql || jobIds.Count == 0)
        {
            return;
        }
        var ids = jobIds.ToArray();
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""SELECT 1 FROM "Jobs" WHERE "Id" = ANY({ids}) ORDER BY "Id" FOR UPDATE""", ct);
    }

    /// <summary>On PostgreSQL, one admin operation at a time across all instances; on SQLite the write lock already is.</summary>
    public async Task LockAdminAsync(CancellationToken ct)
    {
        if (postgreSql)
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock({AdminLockKey})", ct);
        }
    }

    public Task CommitAsync(CancellationToken ct) => tx.CommitAsync(ct);

    public Task RollbackAsync(CancellationToken ct) => tx.RollbackAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await tx.DisposeAsync();
        await turn.DisposeAsync();
    }
}
