using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Shared;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Features.Jobs;

/// <summary>
/// Turns a <see cref="JobSearchQuery"/> into one EF Core query (filters, typed sort, page) and a
/// capped count, projected into <see cref="JobSearchRow"/> records. The search page calls it, and so
/// do the tests and the benchmark. A context per call: a Blazor circuit outlives any one search.
/// </summary>
public sealed class JobSearchService(IDbContextFactory<JobsPortalDbContext> dbFactory)
{
    /// <summary>
    /// Where the count stops. Counting every match of a broad search over a million jobs costs more
    /// than the page itself, and nobody pages through ten thousand rows: past this the page says
    /// "10,000+" and asks for narrower filters.
    /// </summary>
    public const int DefaultCountCap = 10_000;

    /// <summary>Where the count stops; tests lower it to reach both query plans on small data.</summary>
    public int CountCap { get; init; } = DefaultCountCap;

    public async Task<JobSearchPage> SearchAsync(JobSearchQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // One connection for the count and the page, rather than EF Core opening it for each.
        await db.Database.OpenConnectionAsync(ct);
        var text = SearchText.Parse(query.Text);
        var pageSize = JobSearchQuery.PageSizes.Contains(query.PageSize) ? query.PageSize : JobSearchQuery.DefaultPageSize;
        var skip = Math.Clamp(query.Page, 0, JobSearchQuery.LastPage(pageSize)) * pageSize;

        if (JobSearchShapes.Of(query, text) is { } shape)
        {
            var shapeCount = await JobSearchShapes.CountAsync(db, shape, CountCap + 1, ct);
            if (shapeCount == 0)
            {
                return new JobSearchPage([], 0, false);
            }
            var shapeRows = await JobSearchShapes.PageAsync(db, shape, query.Sort, query.Descending, skip, pageSize, ct);
            return new JobSearchPage(shapeRows, Math.Min(shapeCount, CountCap), shapeCount > CountCap);
        }

        var (filtered, hasOtherFilters) = Filter(db, query, text);

        // The count joins the full-text matches, so SQLite may drive from whichever side is smaller;
        // words alone are counted in the index itself, without reading a single job.
        IQueryable<Job> counted = filtered;
        IQueryable<JobTextMatch>? matches = null;
        int count;
        if (TextMatches(db, text) is { } textMatches)
        {
            matches = textMatches;
            counted = filtered.Join(matches, j => j.Id, m => m.JobId, (j, _) => j);
            count = hasOtherFilters
                ? await counted.Take(CountCap + 1).CountAsync(ct)
                : await matches.Take(CountCap + 1).CountAsync(ct);
        }
        else
        {
            count = await counted.Take(CountCap + 1).CountAsync(ct);
        }
        if (count == 0)
        {
            return new JobSearchPage([], 0, false);
        }

        // For the page, a word that matches a few thousand jobs is best read from the index and the
        // matches sorted; a word that matches more than the cap (a town, a street) is best found by
        // walking the sort order and asking the index about each job (EXISTS with the rowid), which
        // stops after one page instead of sorting tens of thousands of matches.
        var paged = counted;
        if (matches is not null && count > CountCap)
        {
            paged = filtered.Where(j => matches.Where(m => m.JobId == j.Id).Select(m => 1).Any());
        }
        else if (text.AccountPrefix is not null && count > CountCap)
        {
            // The same for an account start that matches more than the cap ("ACR39", 25,000 jobs in a
            // million): read in the sort's order, the account tested on each job, rather than every
            // match read through the account index and sorted (a second on a million jobs).
            paged = Filter(db, query, text, accountByIndex: false).Jobs;
        }

        var rows = await Sort(paged, query.Sort, query.Descending)
            .Skip(skip)
            .Take(pageSize)
            .Select(Row)
            .ToListAsync(ct);

        return new JobSearchPage(rows, Math.Min(count, CountCap), count > CountCap);
    }

    /// <summary>What the grid shows of a job.</summary>
    internal static readonly System.Linq.Expressions.Expression<Func<Job, JobSearchRow>> Row = j => new JobSearchRow(
        j.Id,
        j.Number,
        j.Description,
        j.JobType.Name,
        j.JobStatus.Name,
        j.LifeCycleState,
        j.AssignedUser != null ? j.AssignedUser.DisplayName : null,
        j.AssignedUnit != null ? j.AssignedUnit.Name : null,
        j.ScheduledDate,
        j.ExpirationDate,
        j.CreatedAt,
        j.UpdatedAt);

    /// <summary>The ids of the jobs that match <paramref name="query"/>, in its order, at most <paramref name="max"/> (for "select all matching").</summary>
    public async Task<IReadOnlyList<int>> MatchingIdsAsync(JobSearchQuery query, int max, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var text = SearchText.Parse(query.Text);
        var (jobs, _) = Filter(db, query, text);
        if (TextMatches(db, text) is { } matches)
        {
            jobs = jobs.Join(matches, j => j.Id, m => m.JobId, (j, _) => j);
        }
        return await Sort(jobs, query.Sort, query.Descending).Select(j => j.Id).Take(max).ToListAsync(ct);
    }

    public async Task<JobSearchOptions> GetOptionsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var types = await db.JobTypes.OrderBy(t => t.Name)
            .Select(t => new JobSearchOption<int>(t.Id, t.Name)).ToListAsync(ct);
        var statuses = await db.JobStatuses.OrderBy(s => s.Name)
            .Select(s => new JobSearchOption<int>(s.Id, s.Name)).ToListAsync(ct);
        var users = await db.Users.OrderBy(u => u.DisplayName)
            .Select(u => new JobSearchOption<string>(u.Id, u.DisplayName)).ToListAsync(ct);
        var units = await db.Units.OrderBy(u => u.Name)
            .Select(u => new JobSearchOption<int>(u.Id, u.BusinessUnit.Name + " / " + u.Name)).ToListAsync(ct);
        return new JobSearchOptions(types, statuses, users, units);
    }

    /// <summary>The jobs whose description holds the search's words, from the database's own full-text index; null without words.</summary>
    private static IQueryable<JobTextMatch>? TextMatches(JobsPortalDbContext db, SearchText text) =>
        text.FtsQuery is null ? null
        : db.Database.IsNpgsql() ? PostgreSqlJobText.Matching(db, text.TsQuery!)
        : JobTextIndex.Matching(db, text.FtsQuery);

    /// <param name="accountByIndex">False to test an account start on each job read (SQLite then walks
    /// the sort's index), instead of as a range on the account index.</param>
    /// <returns>The filtered jobs, and whether any filter other than the words applies.</returns>
    private static (IQueryable<Job> Jobs, bool HasOtherFilters) Filter(
        JobsPortalDbContext db, JobSearchQuery query, SearchText text, bool accountByIndex = true)
    {
        var all = db.Jobs.AsNoTracking();
        var jobs = all;
        // PostgreSQL compares text by the database's collation, in which "ACR3:" need not sort after every
        // "ACR39…": a start is a LIKE there, served by the text_pattern_ops indexes (PostgreSqlJobText).
        var postgres = db.Database.IsNpgsql();

        if (text.NumberPrefix is { } number)
        {
            if (text.NumberIsComplete)
            {
                jobs = jobs.Where(j => j.Number == number);
            }
            else if (postgres)
            {
                jobs = jobs.Where(j => j.Number.StartsWith(number));
            }
            else
            {
                // A range rather than LIKE: SQLite's LIKE is case-insensitive and cannot use the
                // (binary) unique index on Number; a range can.
                var upper = SearchText.UpperBound(number);
                jobs = jobs.Where(j => string.Compare(j.Number, number) >= 0 && string.Compare(j.Number, upper) < 0);
            }
        }
        if (text.AccountPrefix is { } accountStart && accountByIndex && postgres)
        {
            jobs = jobs.Where(j => j.AccountNumber!.StartsWith(accountStart));
        }
        else if (text.AccountPrefix is { } account && accountByIndex)
        {
            var upper = SearchText.UpperBound(account);
            jobs = jobs.Where(j => string.Compare(j.AccountNumber, account) >= 0 && string.Compare(j.AccountNumber, upper) < 0);
        }
        else if (text.AccountPrefix is { } start)
        {
            // The same test as the range, on an expression no index serves.
            var length = start.Length;
            jobs = jobs.Where(j => j.AccountNumber != null && j.AccountNumber.Substring(0, length) == start);
        }

        IEnumerable<LifeCycleState> states = query.States;
        if (query.CancellableOnly)
        {
            states = states.Any() ? states.Intersect(LifeCycleStates.Cancellable) : LifeCycleStates.Cancellable;
        }
        var stateList = states.ToList();
        if (query.CancellableOnly || stateList.Count > 0)
        {
            var state = stateList.FirstOrDefault();
            jobs = stateList.Count switch
            {
                0 => jobs.Where(_ => false),
                1 => jobs.Where(j => j.LifeCycleState == state),
                // Constants, not a parameter list: five states at most, and SQLite plans an IN of
                // constants against the state index.
                _ => jobs.Where(j => EF.Constant(stateList).Contains(j.LifeCycleState)),
            };
        }

        if (query.TypeId is { } typeId)
        {
            jobs = jobs.Where(j => j.JobTypeId == typeId);
        }
        if (query.Scope is { } scope)
        {
            jobs = jobs.Where(j => db.JobTypes.Where(t => t.FulfillmentScope == scope).Select(t => t.Id).Contains(j.JobTypeId));
        }
        if (query.StatusId is { } statusId)
        {
            jobs = jobs.Where(j => j.JobStatusId == statusId);
        }
        if (!string.IsNullOrEmpty(query.AssignedUserId))
        {
            var userId = query.AssignedUserId;
            jobs = jobs.Where(j => j.AssignedUserId == userId);
        }
        if (query.UnitId is { } unitId)
        {
            jobs = jobs.Where(j => j.AssignedUnitId == unitId);
        }
        if (query.CreatedFrom is { } createdFrom)
        {
            var from = ViewerDays.Start(createdFrom, query.DayZone);
            jobs = jobs.Where(j => j.CreatedAt >= from);
        }
        if (query.CreatedTo is { } createdTo)
        {
            var to = ViewerDays.EndExclusive(createdTo, query.DayZone);
            jobs = jobs.Where(j => j.CreatedAt < to);
        }
        if (query.ScheduledFrom is { } scheduledFrom)
        {
            var from = ViewerDays.Start(scheduledFrom, query.DayZone);
            jobs = jobs.Where(j => j.ScheduledDate >= from);
        }
        if (query.ScheduledTo is { } scheduledTo)
        {
            var to = ViewerDays.EndExclusive(scheduledTo, query.DayZone);
            jobs = jobs.Where(j => j.ScheduledDate < to);
        }
        return (jobs, !ReferenceEquals(jobs, all));
    }

    /// <summary>
    /// One typed ORDER BY per column, then the Id in the same direction so that paging is stable
    /// (and an index on the column, which ends in the rowid, still serves the whole ORDER BY). Type
    /// and status sort by name, then newest or oldest first: SQLite walks the names' unique index and,
    /// for each, the jobs' (type or status, created) index, so no sort of the whole table is needed.
    /// </summary>
    internal static IQueryable<Job> Sort(IQueryable<Job> jobs, JobSortColumn column, bool descending) => column switch
    {
        JobSortColumn.Number => descending ? jobs.OrderByDescending(j => j.Number) : jobs.OrderBy(j => j.Number),
        JobSortColumn.Description => ThenById(descending ? jobs.OrderByDescending(j => j.Description) : jobs.OrderBy(j => j.Description), descending),
        JobSortColumn.Type => ThenById(descending
            ? jobs.OrderByDescending(j => j.JobType.Name).ThenByDescending(j => j.CreatedAt)
            : jobs.OrderBy(j => j.JobType.Name).ThenBy(j => j.CreatedAt), descending),
        JobSortColumn.Status => ThenById(descending
            ? jobs.OrderByDescending(j => j.JobStatus.Name).ThenByDescending(j => j.CreatedAt)
            : jobs.OrderBy(j => j.JobStatus.Name).ThenBy(j => j.CreatedAt), descending),
        // Life cycle order (draft first), not the alphabetical order of the stored names; the
        // JobSortIndexes migration indexes this very expression.
        JobSortColumn.LifeCycleState => ThenById(descending ? jobs.OrderByDescending(StateOrder) : jobs.OrderBy(StateOrder), descending),
        JobSortColumn.ScheduledDate => ThenById(descending ? jobs.OrderByDescending(j => j.ScheduledDate) : jobs.OrderBy(j => j.ScheduledDate), descending),
        JobSortColumn.ExpirationDate => ThenById(descending ? jobs.OrderByDescending(j => j.ExpirationDate) : jobs.OrderBy(j => j.ExpirationDate), descending),
        JobSortColumn.Updated => ThenById(descending ? jobs.OrderByDescending(j => j.UpdatedAt) : jobs.OrderBy(j => j.UpdatedAt), descending),
        _ => ThenById(descending ? jobs.OrderByDescending(j => j.CreatedAt) : jobs.OrderBy(j => j.CreatedAt), descending),
    };

    private static IOrderedQueryable<Job> ThenById(IOrderedQueryable<Job> jobs, bool descending) =>
        descending ? jobs.ThenByDescending(j => j.Id) : jobs.ThenBy(j => j.Id);

    private static readonly System.Linq.Expressions.Expression<Func<Job, int>> StateOrder = j =>
        j.LifeCycleState == LifeCycleState.DRAFT ? 0
        : j.LifeCycleState == LifeCycleState.PENDING ? 1
        : j.LifeCycleState == LifeCycleState.IN_PROGRESS ? 2
        : j.LifeCycleState == LifeCycleState.COMPLETED ? 3
        : 4;
}
