using System.Globalization;
using System.Text;
using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JobsPortal.Features.Import;

/// <summary>
/// Runs one phase of an import run over its stored file, streaming it one job at a time: the check
/// (the dry run: every row against the configuration, nothing written) or the import (the valid jobs,
/// in batches of <see cref="ImportOptions.BatchSize"/>, each its own transaction). Both phases read the
/// file the same way, so the import writes exactly the jobs the dry run called valid (unless the
/// configuration changed in between). Progress goes to the run's row about twice a second, with the
/// instance's heartbeat; a cancel recorded in the row (from any instance) is honoured then.
/// </summary>
public sealed class ImportProcessor(
    IDbContextFactory<JobsPortalDbContext> dbFactory,
    JobWrites writes,
    JobChangeNotifier notifier,
    IOptions<ImportOptions> options,
    TimeProvider clock,
    ILogger<ImportProcessor> logger)
{
    private readonly ImportOptions _options = options.Value;

    public async Task RunAsync(int runId, bool import, CancellationToken cancel)
    {
        using var cancelled = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var ct = cancelled.Token;
        // Read without the run's token: a cancel that arrives before the phase has begun must still
        // end in the run being marked cancelled below, not in an exception that stops the worker.
        ImportRun run;
        await using (var db = await dbFactory.CreateDbContextAsync(CancellationToken.None))
        {
            run = await db.ImportRuns.AsNoTracking().SingleAsync(r => r.Id == runId, CancellationToken.None);
        }
        var actor = AuditActor.User(run.CreatedByUserId);
        var tally = new Tally(_options.MaxReportedErrors);
        var reader = new ImportReader();
        var started = clock.GetUtcNow().UtcDateTime;
        var lastReport = started;
        try
        {
            await UpdateAsync(runId, r => r.SetProperty(x => x.PhaseStartedAt, started).SetProperty(x => x.RowsRead, 0).SetProperty(x => x.Progress, 0), ct);
            ImportCatalog catalog;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                catalog = await ImportCatalog.LoadAsync(db, ct);
            }
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var batch = new List<ImportedJob>(_options.BatchSize);
            await foreach (var group in reader.ReadAsync(run.StoredPath!, ct))
            {
                tally.Check(group, catalog, seen);
                if (import && tally.LastValid is { } valid)
                {
                    batch.Add(valid);
                    if (batch.Count >= _options.BatchSize)
                    {
                        await WriteAsync(runId, actor, batch, tally, ct);
                    }
                }
                var now = clock.GetUtcNow().UtcDateTime;
                if ((now - lastReport).TotalMilliseconds >= 500)
                {
                    lastReport = now;
                    await UpdateAsync(runId, r => r.SetProperty(x => x.RowsRead, reader.RowsRead).SetProperty(x => x.Progress, reader.Progress)
                        .SetProperty(x => x.HeartbeatAt, now), ct);
                    if (await CancelRequestedAsync(runId, ct))
                    {
                        await cancelled.CancelAsync();
                        ct.ThrowIfCancellationRequested();
                    }
                }
            }
            if (batch.Count > 0)
            {
                await WriteAsync(runId, actor, batch, tally, ct);
            }
            await FinishAsync(runId, import ? ImportRunStatus.Imported : ImportRunStatus.Checked, reader, tally, null, import);
        }
        catch (ImportFileException e)
        {
            await FinishAsync(runId, ImportRunStatus.Failed, reader, tally, e.Message, import);
        }
        catch (OperationCanceledException)
        {
            await FinishAsync(runId, ImportRunStatus.Cancelled, reader, tally,
                import ? "Cancelled; the batches written before the cancel stay (running the file again is safe)." : "Cancelled during the check; nothing was written.", import);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Import run {RunId} failed", runId);
            await FinishAsync(runId, ImportRunStatus.Failed, reader, tally, $"The run stopped on an unexpected error: {e.Message}", import);
        }
    }

    private async Task WriteAsync(int runId, AuditActor actor, List<ImportedJob> batch, Tally tally, CancellationToken ct)
    {
        var counts = await ImportWriter.WriteAsync(dbFactory, writes, actor, runId, batch, clock.GetUtcNow().UtcDateTime, ct);
        tally.Add(counts);
        batch.Clear();
        foreach (var (id, number, state) in counts.Changed)
        {
            await notifier.PublishAsync(new JobChanged(id, number, JobChangeKind.Imported, state, null, clock.GetUtcNow().UtcDateTime));
        }
    }

    private async Task FinishAsync(int runId, ImportRunStatus status, ImportReader reader, Tally tally, string? message, bool import)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ended = status != ImportRunStatus.Checked;
        await UpdateAsync(runId, r => r
            .SetProperty(x => x.Status, status)
            .SetProperty(x => x.RowsRead, reader.RowsRead)
            .SetProperty(x => x.Progress, reader.Progress)
            .SetProperty(x => x.Rows, reader.RowsRead)
            .SetProperty(x => x.Jobs, tally.Jobs)
            .SetProperty(x => x.ValidJobs, tally.Valid)
            .SetProperty(x => x.InvalidJobs, tally.Jobs - tally.Valid)
            .SetProperty(x => x.ErrorCount, tally.ErrorCount)
            .SetProperty(x => x.ErrorsCsv, tally.ErrorsCsv())
            .SetProperty(x => x.Created, tally.Created)
            .SetProperty(x => x.Updated, tally.Updated)
            .SetProperty(x => x.Unchanged, tally.Unchanged)
            .SetProperty(x => x.Skipped, tally.Skipped)
            .SetProperty(x => x.Message, message)
            .SetProperty(x => x.FinishedAt, ended ? now : null), CancellationToken.None);
        if (ended)
        {
            await DeleteFileAsync(runId);
        }
    }

    /// <summary>An ended run's upload is removed; its report stays.</summary>
    internal async Task DeleteFileAsync(int runId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var path = await db.ImportRuns.Where(r => r.Id == runId).Select(r => r.StoredPath).SingleAsync();
        if (path is not null)
        {
            try { File.Delete(path); } catch (IOException) { }
            await UpdateAsync(runId, r => r.SetProperty(x => x.StoredPath, (string?)null), CancellationToken.None);
        }
    }

    private async Task<bool> CancelRequestedAsync(int runId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ImportRuns.AsNoTracking().Where(r => r.Id == runId).Select(r => r.CancelRequested).SingleAsync(ct);
    }

    private async Task UpdateAsync(int runId,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<ImportRun>> set,
        CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var turn = await writes.TurnAsync(ct);
        await db.ImportRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(set, ct);
    }

    /// <summary>The run's counts and the first errors, as the file goes by.</summary>
    private sealed class Tally(int maxErrors)
    {
        private readonly List<ImportError> _errors = [];
        private readonly List<ImportError> _scratch = [];

        public int Jobs { get; private set; }
        public int Valid { get; private set; }
        public int ErrorCount { get; private set; }
        public int Created { get; private set; }
        public int Updated { get; private set; }
        public int Unchanged { get; private set; }
        public int Skipped { get; private set; }
        public ImportedJob? LastValid { get; private set; }

        public void Check(ImportGroup group, ImportCatalog catalog, Dictionary<string, int> seen)
        {
            Jobs++;
            _scratch.Clear();
            LastValid = null;
            if (group.Number.Length > 0 && !seen.TryAdd(group.Number, group.Lines[0].Row))
            {
                _scratch.Add(new(group.Lines[0].Row, ImportColumns.Number,
                    $"The number {group.Number} is already in the file at row {seen[group.Number]}; a job's rows must come together, and each number once."));
            }
            var job = ImportChecker.Check(group, catalog, _scratch);
            if (_scratch.Count == 0)
            {
                Valid++;
                LastValid = job;
                return;
            }
            ErrorCount += _scratch.Count;
            _errors.AddRange(_scratch.Take(Math.Max(0, maxErrors - _errors.Count)));
        }

        public void Add(ImportWriter.Counts counts)
        {
            Created += counts.Created;
            Updated += counts.Updated;
            Unchanged += counts.Unchanged;
            Skipped += counts.Skipped;
        }

        public string ErrorsCsv()
        {
            var csv = new StringBuilder("row,column,problem\r\n");
            foreach (var e in _errors)
            {
                csv.Append(e.Row.ToString(CultureInfo.InvariantCulture)).Append(',').Append(e.Column).Append(",\"")
                    .Append(e.Problem.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\"\r\n");
            }
            return csv.ToString();
        }
    }
}
