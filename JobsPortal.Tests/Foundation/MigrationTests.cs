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

    [Fact]
    public async Task PostgreSqlJobTextRegexp_keeps_every_job_s_words_and_goes_back_to_translate()
    {
        await using var db = await TestDatabase.CreateAsync(demoJobs: 300, provider: DatabaseProvider.PostgreSql);
        await using var migrating = PostgreSqlJobsPortalDbContext.Create(db.ConnectionString);
        var migrator = migrating.GetService<IMigrator>();
        var migrations = migrating.Database.GetMigrations().ToList();
        var regexp = migrations.FindIndex(m => m.EndsWith("_PostgreSqlJobTextRegexp", StringComparison.Ordinal));
        string[] tricky = ["v2.1 -12 12/3 a@b.com http://x.y/z ~a_b c\\d [x] ^y `z` {w} |q| <t>&amp; 'q' \"d\" #1 $5 %p e.g. x+y=z;",
            PostgreSqlJobText.Punctuation, "Café Ünïcode naïve ½ ß", "a--b..c//d"];
        for (var i = 0; i < tricky.Length; i++)
        {
            await migrating.Database.ExecuteSqlRawAsync("""UPDATE "Jobs" SET "Description" = {0} WHERE "Id" = {1}""", tricky[i], i + 1);
        }
        var stored = $"""SELECT "Id" || ' ' || "{PostgreSqlJobText.Column}"::text AS "Value" FROM "Jobs" ORDER BY "Id" """;
        // The expression evaluated as a query (SqlQueryRaw reads braces as its placeholders: doubled, they stand for themselves).
        var byTranslate = $"""SELECT "Id" || ' ' || ({PostgreSqlJobText.TranslateVectorSql.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal)})::text AS "Value" FROM "Jobs" ORDER BY "Id" """;
        var expression = $"""
            SELECT pg_get_expr(d.adbin, d.adrelid) AS "Value" FROM pg_attrdef d
            JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
            WHERE d.adrelid = '"Jobs"'::regclass AND a.attname = '{PostgreSqlJobText.Column}'
            """;

        var now = await migrating.Database.SqlQueryRaw<string>(stored).ToListAsync();
        Assert.Equal(await migrating.Database.SqlQueryRaw<string>(byTranslate).ToListAsync(), now);
        Assert.Contains("regexp_replace", Assert.Single(await migrating.Database.SqlQueryRaw<string>(expression).ToListAsync()), StringComparison.Ordinal);
        Assert.StartsWith("1 '1':2,", now[0], StringComparison.Ordinal); // "v2.1 -12 12/3": words cut at punctuation
        Assert.Contains("'12':3,4 '3':5", now[0], StringComparison.Ordinal);
        Assert.Contains("'v2':1", now[0], StringComparison.Ordinal);
        Assert.Contains("'com':8", now[0], StringComparison.Ordinal);
        Assert.DoesNotContain("@", now[0], StringComparison.Ordinal);
        Assert.Equal("2 ", now[1]); // all punctuation: no words
        Assert.Contains("'cafe':1", now[2], StringComparison.Ordinal); // accents folded

        await migrator.MigrateAsync(migrations[regexp - 1]);
        Assert.Contains("translate", Assert.Single(await migrating.Database.SqlQueryRaw<string>(expression).ToListAsync()), StringComparison.Ordinal);
        Assert.Equal(now, await migrating.Database.SqlQueryRaw<string>(stored).ToListAsync());

        await migrator.MigrateAsync();
        Assert.Contains("regexp_replace", Assert.Single(await migrating.Database.SqlQueryRaw<string>(expression).ToListAsync()), StringComparison.Ordinal);
        Assert.Equal(now, await migrating.Database.SqlQueryRaw<string>(stored).ToListAsync());
    }

    private sealed record Rows(List<string> Cancellations, List<string> Reviews);

    private static async Task<Rows> RowsAsync(DbContext context) => new(
        await context.Database.SqlQueryRaw<string>(
            """SELECT "Id" || '|' || "JobId" || '|' || "CancelledAt" || '|' || "ReviewState" || '|' || "ItemsCancelled" || '|' || COALESCE("Note", '') AS "Value" FROM "JobCancellations" ORDER BY "Id" """).ToListAsync(),
        await context.Database.SqlQueryRaw<string>(
            """SELECT "Id" || '|' || "JobCancellationId" || '|' || "State" || '|' || COALESCE("Comment", '') AS "Value" FROM "CancellationReviews" ORDER BY "Id" """).ToListAsync());
}
