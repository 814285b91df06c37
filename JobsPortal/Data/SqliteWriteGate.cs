namespace JobsPortal.Data;

/// <summary>
/// One write transaction at a time per app, waited for in order, instead of in SQLite's busy loop.
/// SQLite has a single writer per database file anyway; when several requests start a BEGIN IMMEDIATE
/// transaction at once, all but one get SQLITE_BUSY and Microsoft.Data.Sqlite retries them after a
/// sleep of 150 ms, which under load turns a 3 ms cancel into a 500 ms one. Queueing here first hands
/// the write lock over as soon as it is free. Writers that do not take the gate (Identity's stores,
/// another process on the same file) are still serialized by SQLite, as before: this only makes
/// the app's own frequent writers polite to each other.
/// </summary>
public sealed class SqliteWriteGate
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    public async Task<Turn> EnterAsync(CancellationToken ct)
    {
        await _semaphore.WaitAsync(ct);
        return new Turn(_semaphore);
    }

    /// <summary>Holding the gate; disposing (once or more) lets the next writer in.</summary>
    public sealed class Turn(SemaphoreSlim semaphore) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
            return ValueTask.CompletedTask;
        }
    }
}
