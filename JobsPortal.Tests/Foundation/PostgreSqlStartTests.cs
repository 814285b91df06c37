using System.Net;
using JobsPortal.Data;
using JobsPortal.Data.Seeding;
using JobsPortal.Features.Jobs;
using JobsPortal.Infrastructure;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace JobsPortal.Tests.Foundation;

/// <summary>The app on PostgreSQL: it migrates a new database, seeds it, signs people in and finds jobs.</summary>
public sealed class PostgreSqlStartTests
{
    [Fact]
    public async Task App_on_a_new_PostgreSQL_database_migrates_seeds_signs_in_and_finds_a_job_by_number()
    {
        await using var app = new AppFactory { Provider = DatabaseProvider.PostgreSql };
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var signIn = await HttpSignIn.PostLoginAsync(client, DemoPeople.Agent, DemoCatalog.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/jobs", new Uri(app.Server.BaseAddress, signIn.Headers.Location!).AbsolutePath);
        var detail = await client.GetAsync("/jobs/J00000042");
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        Assert.Contains("J00000042", await detail.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<JobSearchService>().SearchAsync(new JobSearchQuery { Text = "J0000004" });
        Assert.Equal(10, page.Total); // J00000040 to J00000049
        Assert.Contains(page.Rows, r => r.Number == "J00000042");
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<JobsPortalDbContext>>().CreateDbContextAsync();
        Assert.True(db.Database.IsNpgsql());
        Assert.Equal(2400, await db.Jobs.CountAsync());
        await using var migrating = PostgreSqlJobsPortalDbContext.Create(db.Database.GetConnectionString()!);
        Assert.Empty(await migrating.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Health_on_PostgreSQL_reports_the_database_unhealthy_while_it_refuses_connections()
    {
        var server = await PostgresServer.GetAsync();
        var database = await server.CreateEmptyDatabaseAsync();
        try
        {
            await using var app = new AppFactory { Provider = DatabaseProvider.PostgreSql, PostgreSqlDatabase = database };
            var client = app.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

            await AllowConnectionsAsync(server, database, false);
            var down = await client.GetAsync("/health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.Equal("Unhealthy", await down.Content.ReadAsStringAsync());

            await AllowConnectionsAsync(server, database, true);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        }
        finally
        {
            await server.DropDatabaseAsync(database);
        }
    }

    /// <summary>Closes the database to new sessions and ends the app's open ones (or opens it again).</summary>
    private static async Task AllowConnectionsAsync(PostgresServer server, string database, bool allow)
    {
        await using var admin = new NpgsqlConnection(server.ConnectionString("postgres"));
        await admin.OpenAsync();
        await using (var alter = new NpgsqlCommand($"""ALTER DATABASE "{database}" ALLOW_CONNECTIONS {(allow ? "true" : "false")}""", admin))
        {
            await alter.ExecuteNonQueryAsync();
        }
        if (!allow)
        {
            await using var end = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @db", admin);
            end.Parameters.AddWithValue("db", database);
            await end.ExecuteNonQueryAsync();
            server.ClearPools(database);
        }
    }

    [Fact]
    public async Task Demo_seed_on_PostgreSQL_links_its_rows_and_leaves_the_job_ids_free_for_the_next_job()
    {
        await using var db = await TestDatabase.CreateAsync(demoJobs: 50, provider: DatabaseProvider.PostgreSql);
        await using var context = db.CreateContext();
        var template = await context.Jobs.AsNoTracking().FirstAsync();
        template.Id = 0;
        template.Number = "J99999999";
        template.Items.Clear();

        context.Jobs.Add(template);
        await context.SaveChangesAsync();

        Assert.Equal(51, template.Id);
        Assert.True(await context.JobCancellations.AnyAsync());
        Assert.True(await context.CancellationReviews.AnyAsync());
        Assert.True(await context.JobCancellationItems.AnyAsync());
        // What a cancel changed points at that job's own items, and a review at a cancellation that was reviewed.
        Assert.False(await context.JobCancellationItems.AnyAsync(ci => ci.JobItem.JobId != ci.JobCancellation.JobId));
        Assert.False(await context.CancellationReviews.AnyAsync(r => r.JobCancellation.LastReviewedAt == null));
    }

    [Fact]
    public async Task Three_instances_starting_together_on_one_new_database_migrate_and_seed_it_once()
    {
        var server = await PostgresServer.GetAsync();
        var database = await server.CreateEmptyDatabaseAsync();
        try
        {
            var apps = Enumerable.Range(0, 3).Select(_ => new AppFactory { Provider = DatabaseProvider.PostgreSql, PostgreSqlDatabase = database }).ToList();
            foreach (var app in apps)
            {
                app.Settings[$"{JobsPortalOptions.Section}:DemoJobs"] = "200";
            }
            try
            {
                // Each host migrates and seeds while it starts (Program's DatabaseInitializer).
                await Task.WhenAll(apps.Select(app => Task.Run(() => app.Server)));

                await using var context = PostgreSqlJobsPortalDbContext.Create(server.ConnectionString(database));
                Assert.Empty(await context.Database.GetPendingMigrationsAsync());
                Assert.Equal(context.Database.GetMigrations().Count(), (await context.Database.GetAppliedMigrationsAsync()).Count());
                Assert.Equal(200, await context.Jobs.CountAsync());
                Assert.Equal(DemoCatalog.Users.Length, await context.Users.CountAsync());
                Assert.Equal(await context.Roles.Select(r => r.Name).Distinct().CountAsync(), await context.Roles.CountAsync());
            }
            finally
            {
                foreach (var app in apps)
                {
                    await app.DisposeAsync();
                }
            }
        }
        finally
        {
            await server.DropDatabaseAsync(database);
        }
    }

    [Theory]
    [InlineData("Oracle")]
    [InlineData("1")]
    public void Unknown_provider_stops_the_start_with_a_sentence_naming_the_choices(string provider)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [DatabaseSettings.ProviderKey] = provider }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => DatabaseSettings.From(configuration, "/tmp"));

        Assert.Contains($"JobsPortal:Database:Provider is '{provider}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sqlite (the default) or PostgreSql", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PostgreSql_without_its_own_connection_string_stops_the_start()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DatabaseSettings.ProviderKey] = "postgresql",
            ["ConnectionStrings:JobsPortal"] = DatabaseSettings.DefaultSqlite,
        }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => DatabaseSettings.From(configuration, "/tmp"));

        Assert.Contains("must name a PostgreSQL database", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=db;Database=jobs;Username=app", DatabaseSettings.DefaultMaxAutoPrepare)]
    [InlineData("Host=db;Database=jobs;Username=app;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=jobs;Username=app;max auto prepare=20", 20)]
    public void PostgreSql_statements_are_prepared_unless_the_connection_string_says_otherwise(string connectionString, int expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DatabaseSettings.ProviderKey] = "PostgreSql",
            ["ConnectionStrings:JobsPortal"] = connectionString,
        }).Build();

        var settings = DatabaseSettings.From(configuration, "/tmp");

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(settings.ConnectionString);
        Assert.Equal(expected, builder.MaxAutoPrepare);
        Assert.Equal(("db", "jobs", "app"), (builder.Host, builder.Database, builder.Username));
    }

    [Fact]
    public void No_provider_setting_means_SQLite_under_the_content_root()
    {
        var settings = DatabaseSettings.From(new ConfigurationBuilder().Build(), "/srv/app");

        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.Equal("Data Source=/srv/app/data/jobsportal.db", settings.ConnectionString);
    }
}
