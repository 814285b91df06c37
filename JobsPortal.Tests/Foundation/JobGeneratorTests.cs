using JobsPortal.Data.Entities;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

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

    [Fact]
    public async Task Generate_command_fills_a_PostgreSQL_database_by_COPY_and_makes_its_indexes_and_keys_again()
    {
        var server = await PostgresServer.GetAsync();
        var database = await server.CreateEmptyDatabaseAsync();
        var template = await server.CreateDatabaseAsync();
        try
        {
            var connectionString = server.ConnectionString(database);
            Assert.Equal(0, await JobsPortal.Infrastructure.GenerateCommand.RunAsync(["--jobs", "25000", "--postgres", connectionString]));
            // Running again appends after the highest number and ids, with the indexes and keys in place to start with.
            Assert.Equal(0, await JobsPortal.Infrastructure.GenerateCommand.RunAsync(["--jobs", "1000", "--postgres", connectionString]));

            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            Assert.Equal(26000L, await ScalarAsync(connection, """SELECT COUNT(*) FROM "Jobs" """));
            Assert.Equal(26000L, await ScalarAsync(connection, """SELECT COUNT(DISTINCT "Number") FROM "Jobs" """));
            Assert.Equal(26000L, await ScalarAsync(connection, """SELECT MAX("Id") FROM "Jobs" """));
            Assert.True(await ScalarAsync(connection, """SELECT COUNT(*) FROM "JobItems" """) >= 26000);
            Assert.Equal(await ScalarAsync(connection, """SELECT COUNT(*) FROM "Jobs" WHERE "LifeCycleState" = 'CANCELLED'"""),
                await ScalarAsync(connection, """SELECT COUNT(*) FROM "JobCancellations" """));
            Assert.Equal(0L, await ScalarAsync(connection, """SELECT COUNT(*) FROM "JobItems" i LEFT JOIN "Jobs" j ON j."Id" = i."JobId" WHERE j."Id" IS NULL"""));
            Assert.Equal(0L, await ScalarAsync(connection, """SELECT COUNT(*) FROM "Jobs" WHERE "SearchVector" IS NULL OR "SearchVector" = ''::tsvector"""));
            // Every index and foreign key the migrations made is there again, and valid.
            const string Indexes = "SELECT COUNT(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indisvalid AND c.relnamespace = 'public'::regnamespace";
            const string Keys = "SELECT COUNT(*) FROM pg_constraint WHERE contype = 'f' AND convalidated AND connamespace = 'public'::regnamespace";
            await using (var migrated = new NpgsqlConnection(server.ConnectionString(template)))
            {
                await migrated.OpenAsync();
                Assert.Equal(await ScalarAsync(migrated, Indexes), await ScalarAsync(connection, Indexes));
                Assert.Equal(await ScalarAsync(migrated, Keys), await ScalarAsync(connection, Keys));
            }
            // The identities moved past the ids COPY gave: the next rows the app writes get free ones.
            foreach (var table in new[] { "Jobs", "JobItems", "JobEvents", "JobCancellations" })
            {
                Assert.True(await ScalarAsync(connection, $"""SELECT nextval(pg_get_serial_sequence('"{table}"', 'Id')) - MAX("Id") FROM "{table}" """) > 0, table);
            }
        }
        finally
        {
            await server.DropDatabaseAsync(database);
            await server.DropDatabaseAsync(template);
        }
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
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
