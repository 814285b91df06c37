using System.Linq.Expressions;
using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Shared;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Features.Jobs;

/// <summary>
/// The searches people make most (no words or numbers in the box: no filter, a state, a type, a
/// status, a person, a unit, date ranges) as EF Core compiled queries: one for the count and one
/// page query per sort and direction. A search through LINQ builds its expression tree, extracts its
/// parameters and looks its shape up in EF Core's query cache on every call, which cost more than the
/// SQL itself (about 1 ms against 1 ms on a million jobs). Here each filter is a parameter that may
/// be null; EF Core caches the SQL per pattern of null parameters and leaves a null filter out
/// entirely, so the SQL (and SQLite's plan) is the one the LINQ path sends for the same search.
/// Anything else (words, numbers, several states, a scope) goes through <see cref="JobSearchService"/>'s LINQ path.
/// </summary>
internal static class JobSearchShapes
{
    /// <summary>The filters of a search that fits a compiled shape; null means "no such filter".</summary>
    internal readonly record struct Filters(
        LifeCycleState? State, int? TypeId, int? StatusId, string? UserId, int? UnitId,
        DateTime? CreatedFrom, DateTime? CreatedTo, DateTime? ScheduledFrom, DateTime? ScheduledTo);

    /// <summary>The filters of <paramref name="query"/> when it fits a compiled shape, else null.</summary>
    public static Filters? Of(JobSearchQuery query, SearchText text)
    {
        if (text.FtsQuery is not null || text.NumberPrefix is not null || text.AccountPrefix is not null
            || query.Scope is not null || query.CancellableOnly || query.States.Count > 1)
        {
            return null;
        }
        return new Filters(
            query.States.Count == 1 ? query.States[0] : null,
            query.TypeId,
            query.StatusId,
            string.IsNullOrEmpty(query.AssignedUserId) ? null : query.AssignedUserId,
            query.UnitId,
            query.CreatedFrom is { } createdFrom ? ViewerDays.Start(createdFrom, query.DayZone) : null,
            query.CreatedTo is { } createdTo ? ViewerDays.EndExclusive(createdTo, query.DayZone) : null,
            query.ScheduledFrom is { } scheduledFrom ? ViewerDays.Start(scheduledFrom, query.DayZone) : null,
            query.ScheduledTo is { } scheduledTo ? ViewerDays.EndExclusive(scheduledTo, query.DayZone) : null);
    }

    public static Task<int> CountAsync(JobsPortalDbContext db, Filters f, int max, CancellationToken ct) =>
        Count.For(db)(db, f.State, f.TypeId, f.StatusId, f.UserId, f.UnitId, f.CreatedFrom, f.CreatedTo, f.ScheduledFrom, f.ScheduledTo, max, ct);

    public static async Task<List<JobSearchRow>> PageAsync(
        JobsPortalDbContext db, Filters f, JobSortColumn column, bool descending, int skip, int take, CancellationToken ct)
    {
        var rows = new List<JobSearchRow>(take);
        // An unknown column sorts as the service's Sort does for it: by creation.
        var page = (Pages.GetValueOrDefault((column, descending)) ?? Pages[(JobSortColumn.Created, descending)]).For(db);
        var query = page(
            db, f.State, f.TypeId, f.StatusId, f.UserId, f.UnitId, f.CreatedFrom, f.CreatedTo, f.ScheduledFrom, f.ScheduledTo, skip, take);
        await foreach (var row in query.WithCancellation(ct))
        {
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>The filters, in the LINQ path's order; each one left out of the SQL when its parameter is null.</summary>
    private static readonly Expression<Func<JobsPortalDbContext, LifeCycleState?, int?, int?, string?, int?, DateTime?, DateTime?, DateTime?, DateTime?, IQueryable<Job>>> Filtered =
        (db, state, typeId, statusId, userId, unitId, createdFrom, createdTo, scheduledFrom, scheduledTo) => db.Jobs.AsNoTracking()
            .Where(j => state == null || j.LifeCycleState == state)
            .Where(j => typeId == null || j.JobTypeId == typeId)
            .Where(j => statusId == null || j.JobStatusId == statusId)
            .Where(j => userId == null || j.AssignedUserId == userId)
            .Where(j => unitId == null || j.AssignedUnitId == unitId)
            .Where(j => createdFrom == null || j.CreatedAt >= createdFrom)
            .Where(j => createdTo == null || j.CreatedAt < createdTo)
            .Where(j => scheduledFrom == null || j.ScheduledDate >= scheduledFrom)
            .Where(j => scheduledTo == null || j.ScheduledDate < scheduledTo);

    private static readonly ParameterExpression Max = Expression.Parameter(typeof(int), "max");
    private static readonly ParameterExpression Skip = Expression.Parameter(typeof(int), "skip");
    private static readonly ParameterExpression Take = Expression.Parameter(typeof(int), "take");
    private static readonly ParameterExpression Token = Expression.Parameter(typeof(CancellationToken), "ct");

    // Compiled per model (CompiledPerModel): EF Core binds a compiled query to the first model it runs
    // against, and SQLite's and PostgreSQL's models differ.
    private static readonly PerModel<Func<JobsPortalDbContext, LifeCycleState?, int?, int?, string?, int?, DateTime?, DateTime?, DateTime?, DateTime?, int, CancellationToken, Task<int>>> Count =
        CompiledPerModel.Of(() => EF.CompileAsyncQuery(
            Expression.Lambda<Func<JobsPortalDbContext, LifeCycleState?, int?, int?, string?, int?, DateTime?, DateTime?, DateTime?, DateTime?, int, CancellationToken, int>>(
                Expression.Call(Method<Func<IQueryable<Job>, int>>(Queryable.Count),
                    Expression.Call(Method<Func<IQueryable<Job>, int, IQueryable<Job>>>(Queryable.Take), Filtered.Body, Max)),
                [.. Filtered.Parameters, Max, Token])));

    private static readonly Dictionary<(JobSortColumn, bool), PerModel<Func<JobsPortalDbContext, LifeCycleState?, int?, int?, string?, int?, DateTime?, DateTime?, DateTime?, DateTime?, int, int, IAsyncEnumerable<JobSearchRow>>>> Pages =
        Enum.GetValues<JobSortColumn>()
            .SelectMany(column => new[] { (column, false), (column, true) })
            .ToDictionary(sort => sort, sort => CompiledPerModel.Of(() => EF.CompileAsyncQuery(PageExpression(sort.Item1, sort.Item2))));

    /// <summary>
    /// The filters, then the service's own sort for the column (composed over the expression without
    /// running anything: an <see cref="EnumerableQuery{T}"/> only builds the tree), the page and the row.
    /// </summary>
    private static Expression<Func<JobsPortalDbContext, LifeCycleState?, int?, int?, string?, int?, DateTime?, DateTime?, DateTime?, DateTime?, int, int, IQueryable<JobSearchRow>>> PageExpression(
        JobSortColumn column, bool descending)
    {
        var sorted = JobSearchService.Sort(new EnumerableQuery<Job>(Filtered.Body), column, descending).Expression;
        var paged = Expression.Call(Method<Func<IQueryable<Job>, int, IQueryable<Job>>>(Queryable.Take),
            Expression.Call(Method<Func<IQueryable<Job>, int, IQueryable<Job>>>(Queryable.Skip), sorted, Skip), Take);
        var rows = Expression.Call(
            Method<Func<IQueryable<Job>, Expression<Func<Job, JobSearchRow>>, IQueryable<JobSearchRow>>>(Queryable.Select),
            paged, Expression.Quote(JobSearchService.Row));
        return Expression.Lambda<Func<JobsPortalDbContext, LifeCycleState?, int?, int?, string?, int?, DateTime?, DateTime?, DateTime?, DateTime?, int, int, IQueryable<JobSearchRow>>>(
            rows, [.. Filtered.Parameters, Skip, Take]);
    }

    private static System.Reflection.MethodInfo Method<TDelegate>(TDelegate method) where TDelegate : Delegate => method.Method;
}
