using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Jobs;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Tests.Features.Jobs;

/// <summary>
/// One demo-seeded database for the search tests, and every job read into memory once, so each
/// test can compute what the search should return with plain LINQ and compare. On SQLite; the
/// PostgreSQL one (<see cref="PostgreSqlSearchFixture"/>) gives the same tests the other database.
/// </summary>
public class SearchFixture : IAsyncLifetime
{
    public virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public TestDatabase Db { get; private set; } = null!;
    public IReadOnlyList<Expected> Jobs { get; private set; } = [];
    public JobSearchService Service => new(Db.Factory);

    public async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync(demoJobs: 1200, provider: Provider);
        await using var db = Db.CreateContext();
        Jobs = await db.Jobs.AsNoTracking()
            .Select(j => new Expected(
                j.Id, j.Number, j.Description, j.LifeCycleState, j.JobTypeId, j.JobType.Name, j.JobType.FulfillmentScope,
                j.JobStatusId, j.JobStatus.Name, j.AssignedUserId, j.AssignedUser != null ? j.AssignedUser.DisplayName : null,
                j.AssignedUnitId, j.AccountNumber, j.ScheduledDate, j.ExpirationDate, j.CreatedAt, j.UpdatedAt))
            .ToListAsync();
    }

    public async Task DisposeAsync() => await Db.DisposeAsync();

    /// <summary>Jobs in the search's default order (newest first, then by id), as numbers.</summary>
    public static List<string> NewestFirst(IEnumerable<Expected> jobs) =>
        [.. jobs.OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id).Select(j => j.Number)];

    /// <summary>A job as the tests see it: the fields the search filters and sorts on.</summary>
    public sealed record Expected(
        int Id, string Number, string Description, LifeCycleState State, int TypeId, string TypeName, FulfillmentScope Scope,
        int StatusId, string StatusName, string? AssignedUserId, string? AssignedUserName, int? UnitId, string? AccountNumber,
        DateTime? ScheduledDate, DateTime? ExpirationDate, DateTime CreatedAt, DateTime UpdatedAt);
}

/// <summary>The search tests' data on PostgreSQL: the same demo seed, searched through the tsvector column.</summary>
public sealed class PostgreSqlSearchFixture : SearchFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
