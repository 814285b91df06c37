using System.Security.Claims;
using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JobsPortal.Features.Import;

/// <summary>A run as the import page shows it.</summary>
public sealed record ImportRunView(
    int Id, string FileName, long FileBytes, ImportRunStatus Status, string CreatedBy, DateTime CreatedAt, DateTime? FinishedAt,
    DateTime? PhaseStartedAt, int RowsRead, double Progress, int Rows, int Jobs, int ValidJobs, int InvalidJobs,
    int Created, int Updated, int Unchanged, int Skipped, int ErrorCount, string? Message);

/// <summary>
/// What the admin does with imports: upload a file (stored, then checked in the background), import
/// the checked run's valid jobs or discard it, cancel a running phase, and read the runs and their
/// reports. Every action checks the <see cref="Policies.Admin"/> policy on the acting person.
/// </summary>
public sealed class ImportService(
    IDbContextFactory<JobsPortalDbContext> dbFactory,
    IAuthorizationService authorization,
    ImportQueue queue,
    JobWrites writes,
    AppInstance instance,
    IOptions<ImportOptions> options,
    TimeProvider clock,
    IHostEnvironment? environment = null)
{
    private readonly ImportOptions _options = options.Value;

    public long MaxFileBytes => _options.MaxFileBytes;

    /// <summary>Stores the upload (streamed, never whole in memory) and queues its check; the answer is the run's id, or why not.</summary>
    public async Task<(int? RunId, string? Error)> UploadAsync(Stream content, string fileName, long size, ClaimsPrincipal actor, CancellationToken ct = default)
    {
        if (await AdminIdAsync(actor) is not { } userId)
        {
            return (null, "Only admins may import jobs.");
        }
        if (size > _options.MaxFileBytes)
        {
            return (null, $"The file has {size / (1024 * 1024):N0} MB; files up to {_options.MaxFileBytes / (1024 * 1024):N0} MB are taken. Split it and import the parts.");
        }
        if (!ImportSheet.IsTaken(fileName))
        {
            return (null, $"'{Path.GetFileName(fileName)}' is neither a CSV nor an XLSX file: save the sheet as .xlsx or as \"CSV UTF-8\" and upload that.");
        }
        var folder = Path.Combine(environment?.ContentRootPath ?? Path.GetTempPath(), _options.Folder);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{Guid.NewGuid():N}{Path.GetExtension(fileName).ToLowerInvariant()}");
        long written;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
        {
            written = await CopyAtMostAsync(content, file, _options.MaxFileBytes, ct);
        }
        if (written > _options.MaxFileBytes)
        {
            File.Delete(path);
            return (null, $"The file is larger than {_options.MaxFileBytes / (1024 * 1024):N0} MB. Split it and import the parts.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(AuditActor.User(userId), ct);
        var run = new ImportRun
        {
            FileName = Path.GetFileName(fileName), FileBytes = written, StoredPath = path, Status = ImportRunStatus.Checking,
            CreatedByUserId = userId, CreatedAt = clock.GetUtcNow().UtcDateTime,
            // The file is on this instance's disk: its worker checks it, and beats for it meanwhile.
            OwnerInstance = instance.Id, HeartbeatAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ImportRuns.Add(run);
        await using (await writes.TurnAsync(ct))
        {
            await db.SaveChangesAsync(ct);
        }
        queue.Enqueue(run.Id, import: false);
        return (run.Id, null);
    }

    /// <summary>After the dry run: write the valid jobs (import = true) or nothing (false).</summary>
    public async Task<string?> DecideAsync(int runId, bool import, ClaimsPrincipal actor, CancellationToken ct = default)
    {
        if (await AdminIdAsync(actor) is null)
        {
            return "Only admins may import jobs.";
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        int changed;
        await using (await writes.TurnAsync(ct))
        {
            changed = await db.ImportRuns.Where(r => r.Id == runId && r.Status == ImportRunStatus.Checked && (!import || r.ValidJobs > 0))
                .ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, import ? ImportRunStatus.Importing : ImportRunStatus.Discarded)
                    .SetProperty(x => x.PhaseStartedAt, clock.GetUtcNow().UtcDateTime)
                    // The import is queued on this instance (its import folder must hold the file: see README, several instances).
                    .SetProperty(x => x.OwnerInstance, instance.Id)
                    .SetProperty(x => x.HeartbeatAt, clock.GetUtcNow().UtcDateTime)
                    .SetProperty(x => x.CancelRequested, false)
                    .SetProperty(x => x.FinishedAt, import ? null : clock.GetUtcNow().UtcDateTime), ct);
        }
        if (changed == 0)
        {
            return "This run is not waiting for a decision (it was decided already, or has no valid job).";
        }
        if (import)
        {
            queue.Enqueue(runId, import: true);
        }
        else
        {
            var path = await db.ImportRuns.Where(r => r.Id == runId).Select(r => r.StoredPath).SingleAsync(ct);
            if (path is not null)
            {
                File.Delete(path);
            }
        }
        return null;
    }

    /// <summary>
    /// Cancels a running phase. The cancel is recorded in the run, so the instance running it (this one or
    /// another) honours it at its next progress report; on this instance the phase's switch flips at once.
    /// </summary>
    public async Task<string?> CancelAsync(int runId, ClaimsPrincipal actor, CancellationToken ct = default)
    {
        if (await AdminIdAsync(actor) is null)
        {
            return "Only admins may import jobs.";
        }
        int recorded;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        await using (await writes.TurnAsync(ct))
        {
            recorded = await db.ImportRuns.Where(r => r.Id == runId && (r.Status == ImportRunStatus.Checking || r.Status == ImportRunStatus.Importing))
                .ExecuteUpdateAsync(r => r.SetProperty(x => x.CancelRequested, true), ct);
        }
        var here = queue.Cancel(runId);
        return recorded > 0 || here ? null : "This run is not running.";
    }

    public async Task<IReadOnlyList<ImportRunView>> RecentAsync(int take = 20, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Views(db.ImportRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(take)).ToListAsync(ct);
    }

    public async Task<ImportRunView?> GetAsync(int runId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Views(db.ImportRuns.AsNoTracking().Where(r => r.Id == runId)).SingleOrDefaultAsync(ct);
    }

    public async Task<string?> ErrorsCsvAsync(int runId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ImportRuns.Where(r => r.Id == runId).Select(r => r.ErrorsCsv).SingleOrDefaultAsync(ct);
    }

    private static IQueryable<ImportRunView> Views(IQueryable<ImportRun> runs) => runs.Select(r => new ImportRunView(
        r.Id, r.FileName, r.FileBytes, r.Status, r.CreatedByUser.DisplayName, r.CreatedAt, r.FinishedAt, r.PhaseStartedAt, r.RowsRead, r.Progress,
        r.Rows, r.Jobs, r.ValidJobs, r.InvalidJobs, r.Created, r.Updated, r.Unchanged, r.Skipped, r.ErrorCount, r.Message));

    private async Task<string?> AdminIdAsync(ClaimsPrincipal actor)
    {
        var id = actor.FindFirstValue(ClaimTypes.NameIdentifier);
        return !string.IsNullOrEmpty(id) && (await authorization.AuthorizeAsync(actor, Policies.Admin)).Succeeded ? id : null;
    }

    private static async Task<long> CopyAtMostAsync(Stream from, Stream to, long max, CancellationToken ct)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await from.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > max)
            {
                return total;
            }
            await to.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        return total;
    }
}
