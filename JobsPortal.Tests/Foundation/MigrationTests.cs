using JobsPortal.Data;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace JobsPortal.Tests.Foundation;

public sealed class MigrationTests
{
    [Fact]
    public async Task Model_has_no_changes_missing_a_migration()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var context = db.CreateContext();

        Assert.False(context.Database.HasPendingModelChanges(), "run 'dotnet ef migrations add <Name> --project JobsPortal --context JobsPortalDbContext'");
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task PostgreSql_model_has_no_changes_missing_a_migration_and_is_the_app_context_model()
    {
        await using var db = await TestDatabase.CreateAsync(provider: DatabaseProvider.PostgreSql);
        await using var migrating = PostgreSqlJobsPortalDbContext.Create(db.ConnectionString);
        await using var app = db.CreateContext();

        Assert.False(migrating.Database.HasPendingModelChanges(),
            "run 'dotnet ef migrations add <Name> --project JobsPortal --context PostgreSqlJobsPortalDbContext --output-dir Data/Migrations/PostgreSql'");
        Assert.Empty(await migrating.Database.GetPendingMigrationsAsync());
        // The app works through JobsPortalDbContext on Npgsql: the schema the migrations made must be its model's.
        Assert.False(app.GetService<IMigrationsModelDiffer>().HasDifferences(
            migrating.GetService<IDesignTimeModel>().Model.GetRelationalModel(),
            app.GetService<IDesignTimeModel>().Model.GetRelationalModel()));
    }

    [Fact]
    public async Task Database_runs_in_wal_mode()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var context = db.CreateContext();

        var mode = await context.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();

        Assert.Equal("wal", Assert.Single(mode));
    }

    [Fact]
    public async Task ReopenCancellations_keeps_every_cancellation_and_review_and_allows_one_current_record_per_job()
    {
        await using var db = await TestDatabase.CreateAsync(demoJobs: 300);
        await using var context = db.CreateContext();
        var migrator = context.GetService<IMigrator>();
        var migrations = context.Database.GetMigrations().ToList();
        var reopen = migrations.FindIndex(m => m.EndsWith("_ReopenCancellations", StringComparison.Ordinal));
        await migrator.MigrateAsync(migrations[reopen - 1]); // the schema before it, with data written in it
        var before = await RowsAsync(context);

        await migrator.MigrateAsync();

        var after = await RowsAsync(context);
        Assert.True(before.Cancellations.Count > 20);
        Assert.Equal(before.Cancellations, after.Cancellations);
        Assert.Equal(before.Reviews, after.Reviews);
        // What the records were never told stays unknown: the reopen refuses them (ReopenServiceTests).
        Assert.Equal(0, await context.JobCancellations.CountAsync(c => c.PreviousLifeCycleState != null || c.ReopenedAt != null));
        Assert.Equal(0, await context.JobCancellationItems.CountAsync());
        var jobId = await context.JobCancellations.OrderBy(c => c.Id).Select(c => c.JobId).FirstAsync();
        var copy = """
            INSERT INTO "JobCancellations" ("JobId", "JobStatusId", "CancellationReasonId", "CancelProvidedItems", "ItemsCancelled", "ProvidedItemsLeft",
                "CancelledByUserId", "CancelledAt", "Channel", "ReviewState", "ReopenedAt")
            SELECT "JobId", "JobStatusId", "CancellationReasonId", 0, 0, 0, "CancelledByUserId", "CancelledAt", "Channel", 'NotReviewed', {0}
            FROM "JobCancellations" WHERE "JobId" = 
            """ + jobId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await context.Database.ExecuteSqlRawAsync(copy, "2026-11-01 10:00:00"); // a reopened one beside the current one: allowed
        var second = await Assert.ThrowsAsync<SqliteException>(() => context.Database.ExecuteSqlRawAsync(copy.Replace("{0}", "NULL", StringComparison.Ordinal)));
        Assert.Equal(19, second.SqliteErrorCode); // a second current one: the filtered unique index says no
    }

    private sealed record Rows(List<string> Cancellations, List<string> Reviews);

    private static async Task<Rows> RowsAsync(DbContext context) => new(
        await context.Database.SqlQueryRaw<string>(
            """SELECT "Id" || '|' || "JobId" || '|' || "CancelledAt" || '|' || "ReviewState" || '|' || "ItemsCancelled" || '|' || COALESCE("Note", '') AS "Value" FROM "JobCancellations" ORDER BY "Id" """).ToListAsync(),
        await context.Database.SqlQueryRaw<string>(
            """SELECT "Id" || '|' || "JobCancellationId" || '|' || "State" || '|' || COALESCE("Comment", '') AS "Value" FROM "CancellationReviews" ORDER BY "Id" """).ToListAsync());
}
