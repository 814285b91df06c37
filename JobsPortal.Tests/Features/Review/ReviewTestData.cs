using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Review;
using JobsPortal.Shared;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Tests.Features.Review;

/// <summary>
/// A demo-seeded database shared by the tests of one class that only read it (a test that writes takes
/// <see cref="TestDatabase.CloneAsync"/>). A class that uses it is abstract, with a derived class per
/// provider, as with <see cref="SeededTemplate"/>.
/// </summary>
public class ReviewSeedFixture : IAsyncLifetime
{
    public TestDatabase Db { get; private set; } = null!;
    public virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;
    public async Task InitializeAsync() => Db = await TestDatabase.CreateAsync(demoJobs: 2400, provider: Provider);
    public async Task DisposeAsync() => await Db.DisposeAsync();
}

/// <summary>The same seeded database on the test run's PostgreSQL server.</summary>
public sealed class PostgreSqlReviewSeedFixture : ReviewSeedFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

public static class ReviewTestData
{
    public const string Supervisor = DemoPeople.Supervisor;
    public const string OtherSupervisor = DemoPeople.OtherSupervisor;
    public const string Admin = DemoPeople.Admin;
    public const string Agent = DemoPeople.Agent;

    public static DateOnly Today => DateOnly.FromDateTime(TestDatabase.DefaultNow.UtcDateTime);

    public static CancellationQueryService Queries(this TestDatabase db) => db.Service<CancellationQueryService>();

    public static CancellationReviewService Reviews(this TestDatabase db) => db.Service<CancellationReviewService>();

    public static async Task<string> UserIdAsync(this TestDatabase db, string email)
    {
        await using var context = db.CreateContext();
        return await context.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    /// <summary>Every cancellation of the database with what the filters look at, read plainly for an independent answer.</summary>
    public static async Task<List<Plain>> AllAsync(this TestDatabase db)
    {
        await using var context = db.CreateContext();
        return await context.JobCancellations.AsNoTracking().Select(c => new Plain(
            c.Id, c.JobId, c.Job.Number, c.CancelledAt, c.CancellationReasonId, c.CancellationReason.Name, c.Job.JobTypeId,
            c.CancelledByUserId, c.CancelledByUser.DisplayName, c.CancelledByUnitId, c.Channel, c.ReviewState, c.ProvidedItemsLeft)).ToListAsync();
    }

    public sealed record Plain(
        int Id, int JobId, string Number, DateTime CancelledAt, int ReasonId, string Reason, int JobTypeId, string ByUserId, string ByName,
        int? UnitId, CancellationChannel Channel, ReviewState State, int ProvidedItemsLeft);

    /// <summary>The plain reading of a filter, written without the service's query builder: its days are those of its zone.</summary>
    public static bool Matches(this CancellationFilter f, Plain c) =>
        ViewerDays.DayOf(c.CancelledAt, f.Zone) >= f.From && ViewerDays.DayOf(c.CancelledAt, f.Zone) <= f.To
        && (f.ReviewState is null || c.State == f.ReviewState)
        && (f.ReasonId is null || c.ReasonId == f.ReasonId)
        && (f.JobTypeId is null || c.JobTypeId == f.JobTypeId)
        && (f.CancelledByUserId is null || c.ByUserId == f.CancelledByUserId)
        && (f.UnitId is null || c.UnitId == f.UnitId)
        && (f.Channel is null || c.Channel == f.Channel)
        && (f.ProvidedItemsLeft is null || (c.ProvidedItemsLeft > 0) == f.ProvidedItemsLeft);

    public static async Task<Job> JobAsync(this JobsPortalDbContext context, int jobId) =>
        await context.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId);
}
