using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Jobs;
using JobsPortal.Infrastructure;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Tests.Features.Jobs;

public sealed class JobTextIndexTests
{
    [Fact]
    public async Task The_demo_seed_leaves_the_full_text_index_complete()
    {
        await using var db = await TestDatabase.CreateAsync(demoJobs: 300);
        await using var context = db.CreateContext();

        await AssertIndexIntactAsync(context);
        Assert.Equal(300, await JobTextIndex.Matching(context, "\"street\" OR \"road\" OR \"lane\" OR \"avenue\" OR \"drive\" OR \"hill\" OR \"kyprianou\"").CountAsync());
    }

    [Fact]
    public async Task Triggers_keep_the_index_in_step_with_inserts_updates_and_deletes()
    {
        await using var db = await TestDatabase.CreateAsync(demoJobs: 20);
        var search = new JobSearchService(db.Factory);
        int id;
        await using (var context = db.CreateContext())
        {
            var template = await context.Jobs.AsNoTracking().FirstAsync();
            var job = new Job
            {
                Number = "J90000001", Description = "Survey at the lighthouse", LifeCycleState = LifeCycleState.DRAFT,
                JobTypeId = template.JobTypeId, JobStatusId = template.JobStatusId,
            };
            context.Jobs.Add(job);
            await context.SaveChangesAsync();
            id = job.Id;
        }
        Assert.Equal(id, Assert.Single((await search.SearchAsync(new JobSearchQuery { Text = "lighthouse" })).Rows).Id);

        await using (var context = db.CreateContext())
        {
            var job = await context.Jobs.SingleAsync(j => j.Id == id);
            job.Description = "Survey at the windmill";
            await context.SaveChangesAsync();
        }
        Assert.Empty((await search.SearchAsync(new JobSearchQuery { Text = "lighthouse" })).Rows);
        Assert.Equal(id, Assert.Single((await search.SearchAsync(new JobSearchQuery { Text = "windmill" })).Rows).Id);

        await using (var context = db.CreateContext())
        {
            // A change to other columns leaves the index alone (and it stays right).
            var job = await context.Jobs.SingleAsync(j => j.Id == id);
            job.Notes = "windmill";
            job.LifeCycleState = LifeCycleState.PENDING;
            await context.SaveChangesAsync();
            await AssertIndexIntactAsync(context);

            context.Jobs.Remove(job);
            await context.SaveChangesAsync();
            await AssertIndexIntactAsync(context);
        }
        Assert.Empty((await search.SearchAsync(new JobSearchQuery { Text = "windmill" })).Rows);
    }

    [Fact]
    public async Task Generate_command_rebuilds_the_index_and_puts_its_triggers_back()
    {
        var path = TestDatabase.NewPath();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            Assert.Equal(0, await GenerateCommand.RunAsync(["--jobs", "3000", "--database", path]));

            await using var connection = new SqliteConnection($"Data Source={path}");
            await connection.OpenAsync();
            Assert.Equal(3L, Scalar(connection, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Jobs'"));
            // integrity-check with rank 1 compares the index with the Jobs table row by row.
            await using (var check = connection.CreateCommand())
            {
                check.CommandText = """INSERT INTO "JobsSearch"("JobsSearch", rank) VALUES ('integrity-check', 1)""";
                await check.ExecuteNonQueryAsync();
            }
            Assert.Equal(
                Scalar(connection, "SELECT COUNT(*) FROM Jobs WHERE ' ' || lower(Description) || ' ' LIKE '% harbour %'"),
                Scalar(connection, """SELECT COUNT(*) FROM "JobsSearch" WHERE "JobsSearch" MATCH 'harbour'"""));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
        }
    }

    private static async Task AssertIndexIntactAsync(JobsPortalDbContext context) =>
        // Throws (SQLITE_CORRUPT_VTAB) when the index and the Jobs table disagree.
        await context.Database.ExecuteSqlRawAsync("""INSERT INTO "JobsSearch"("JobsSearch", rank) VALUES ('integrity-check', 1)""");

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
