using System.Collections.Concurrent;
using System.Threading.Channels;
using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Shared;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Features.Import;

/// <summary>The runs waiting for the worker, and a way to stop the one that is running.</summary>
public sealed class ImportQueue
{
    private readonly Channel<(int RunId, bool Import)> _work = Channel.CreateUnbounded<(int, bool)>();
    private readonly ConcurrentDictionary<int, CancellationTokenSource> _running = new();

    public void Enqueue(int runId, bool import) => _work.Writer.TryWrite((runId, import));

    internal IAsyncEnumerable<(int RunId, bool Import)> ReadAllAsync(CancellationToken ct) => _work.Reader.ReadAllAsync(ct);

    internal CancellationTokenSource Track(int runId, CancellationToken stopping)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _running[runId] = source;
        return source;
    }

    internal void Untrack(int runId) => _running.TryRemove(runId, out _);

    /// <summary>Stops a running phase; false when the run is not running in this process.</summary>
    public bool Cancel(int runId)
    {
        if (_running.TryGetValue(runId, out var source))
        {
            source.Cancel();
            return true;
        }
        return false;
    }
}

/// <summary>
/// Runs import phases in the background, one at a time, independent of any page: closing the tab
/// changes nothing. A run left mid-phase by a stopped app is marked failed (upload the file again).
/// </summary>
/// <remarks>
/// Several instances may share one database: each runs the runs queued on it (the file is on its
/// disk), beats for them (<see cref="RunHeartbeat"/>), and fails only the runs whose owner stopped
/// beating, at its start and at every beat after, never a phase another live instance is running.
/// </remarks>
public sealed class ImportWorker(
    IServiceScopeFactory scopes, ImportQueue queue, IDbContextFactory<JobsPortalDbContext> dbFactory, AppInstance instance,
    JobWrites writes, TimeProvider clock, ILogger<ImportWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Runs from before owners were recorded: only those whose phase began before this start were
        // interrupted; a file uploaded (or a run decided) while the worker is starting is queued for it.
        var started = clock.GetUtcNow().UtcDateTime;
        try
        {
            await RecoverAsync(started, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A database without the table yet (being migrated) has no interrupted runs either.
            logger.LogWarning(e, "Could not look for interrupted import runs");
        }

        var beating = BeatAsync(started, stoppingToken);
        try
        {
            await RunQueuedAsync(stoppingToken);
        }
        finally
        {
            await beating;
        }
    }

    private async Task RecoverAsync(DateTime started, CancellationToken ct)
    {
        var stale = clock.GetUtcNow().UtcDateTime - RunHeartbeat.StaleAfter;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var turn = await writes.TurnAsync(ct);
        await db.ImportRuns.Where(r => (r.Status == ImportRunStatus.Checking || r.Status == ImportRunStatus.Importing)
                && (r.OwnerInstance == null
                    ? (r.PhaseStartedAt ?? r.CreatedAt) < started
                    : r.OwnerInstance != instance.Id && (r.HeartbeatAt == null || r.HeartbeatAt < stale)))
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, ImportRunStatus.Failed)
                .SetProperty(x => x.Message, "The app stopped while this run was in progress; upload the file again."), ct);
    }

    /// <summary>Every <see cref="RunHeartbeat.Interval"/>: this instance's runs are still on, and other instances' silent ones are closed.</summary>
    private async Task BeatAsync(DateTime started, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(RunHeartbeat.Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                try
                {
                    await using (var db = await dbFactory.CreateDbContextAsync(ct))
                    await using (await writes.TurnAsync(ct))
                    {
                        var now = clock.GetUtcNow().UtcDateTime;
                        await db.ImportRuns.Where(r => r.OwnerInstance == instance.Id
                                && (r.Status == ImportRunStatus.Checking || r.Status == ImportRunStatus.Importing))
                            .ExecuteUpdateAsync(r => r.SetProperty(x => x.HeartbeatAt, now), ct);
                    }
                    await RecoverAsync(started, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Could not record this instance's import runs as alive");
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task RunQueuedAsync(CancellationToken stoppingToken)
    {
        await foreach (var (runId, import) in queue.ReadAllAsync(stoppingToken))
        {
            using var source = queue.Track(runId, stoppingToken);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ImportProcessor>().RunAsync(runId, import, source.Token);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // One run's failure (a removed run, a database error) must not stop the worker for the runs after it.
                logger.LogError(e, "Import run {RunId} could not be run", runId);
            }
            finally
            {
                queue.Untrack(runId);
            }
        }
    }
}
