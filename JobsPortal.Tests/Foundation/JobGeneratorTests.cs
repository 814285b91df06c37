using JobsPortal.Data.Entities;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Tests.Foundation;

public sealed class JobGeneratorTests
{
    [Fact]
    public async Task Generate_command_fills_a_database_with_the_requested_jobs()
    {
        var path = TestDatabase.NewPath();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            var exit = await JobsPortal.Infrastructure.GenerateCommand.RunAsync(["--jobs", "5000", "--database", path]);
            Assert.Equal(0, exit);
            // Running again appends after the highest number instead of clashing with it.
            Assert.Equal(0, await JobsPortal.Infrastructure.GenerateCommand.RunAsync(["--jobs", "1000", "--database", path]));

            await using var connection = new SqliteConnection($"Data Source={path}");
            await connection.OpenAsync();
            Assert.Equal(6000L, Scalar(connection, "SELECT COUNT(*) FROM Jobs"));
            Assert.Equal(6000L, Scalar(connection, "SELECT COUNT(DISTINCT Number) FROM Jobs"));
            Assert.True(Scalar(connection, "SELECT COUNT(*) FROM JobItems") >= 6000);
            Assert.Equal(Scalar(connection, "SELECT COUNT(*) FROM Jobs WHERE LifeCycleState = 'CANCELLED'"), Scalar(connection, "SELECT COUNT(*) FROM JobCancellations"));
            Assert.Equal(0L, Scalar(connection, "SELECT COUNT(*) FROM pragma_foreign_key_check"));
            Assert.Equal(0L, Scalar(connection, "SELECT COUNT(*) FROM Jobs j JOIN JobStatuses s ON s.Id = j.JobStatusId WHERE s.LifeCycleState <> j.LifeCycleState"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
        }
    }

    [Theory]
    [InlineData("--jobs", "-3")]
    [InlineData("--rows", "10")]
    public async Task Generate_command_rejects_bad_options(string option, string value)
    {
        var exit = await JobsPortal.Infrastructure.GenerateCommand.RunAsync([option, value, "--database", TestDatabase.NewPath()]);

        Assert.Equal(2, exit);
    }

    [Fact]
    public async Task Generated_jobs_are_readable_through_ef_core()
    {
        await using var db = await TestDatabase.CreateAsync(demoJobs: 200);
        await using var context = db.CreateContext();

        var job = await context.Jobs.Include(j => j.Items).Include(j => j.JobType).Include(j => j.Events)
            .OrderByDescending(j => j.Id).FirstAsync();

        Assert.Matches("^J\\d{8}$", job.Number);
        Assert.NotEmpty(job.Items);
        Assert.NotEmpty(job.Events);
        Assert.Equal(DateTimeKind.Utc, job.CreatedAt.Kind);
        Assert.Contains(job.JobType.Name, job.Description, StringComparison.Ordinal);
        Assert.Contains(job.Events, e => e.Kind == JobEventKind.CREATED);
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
