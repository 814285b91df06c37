using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Jobs;
using JobsPortal.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JobsPortal.Bench;

/// <summary>The database under test, the app's real services over it, and the parameters of each case, read from the data.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    public const string Variable = "JOBSPORTAL_BENCH_DB";

    /// <summary>A PostgreSQL connection string instead of the SQLite file (BenchmarkDotNet's child processes read it from here too).</summary>
    public const string PostgreSqlVariable = "JOBSPORTAL_BENCH_PG";

    public static string? Path => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path ? System.IO.Path.GetFullPath(path) : null;

    public static string? PostgreSql => Environment.GetEnvironmentVariable(PostgreSqlVariable) is { Length: > 0 } connection ? connection : null;

    public bool IsPostgreSql => PostgreSql is not null;

    private BenchDatabase(ServiceProvider services, string connectionString)
    {
        Services = services;
        ConnectionString = connectionString;
    }

    public ServiceProvider Services { get; }
    public string ConnectionString { get; }
    public JobSearchService Search => Services.GetRequiredService<JobSearchService>();
    public JobDetailService Detail => Services.GetRequiredService<JobDetailService>();

    public required JobSearchQuery Case1 { get; init; }
    public required JobSearchQuery Case2 { get; init; }
    public required JobSearchQuery Case3 { get; init; }
    public required JobSearchQuery Case4 { get; init; }
    public required JobSearchQuery Case5 { get; init; }
    public required JobSearchQuery Case6 { get; init; }
    public required JobSearchQuery Case7 { get; init; }
    public required string DetailNumber { get; init; }

    public static async Task<BenchDatabase> OpenAsync(Action<IServiceCollection>? configure = null)
    {
        DatabaseSettings database;
        if (PostgreSql is { } postgres)
        {
            database = DatabaseSettings.PostgreSql(postgres);
        }
        else
        {
            var path = Path ?? throw new InvalidOperationException($"Set {Variable} to the database file, or {PostgreSqlVariable} to a PostgreSQL connection string.");
            if (!File.Exists(path))
            {
                throw new FileNotFoundException("No database at the given path; make one with the generate command.", path);
            }
            database = DatabaseSettings.Sqlite($"Data Source={path}");
        }
        var connectionString = database.ConnectionString;
        var services = new ServiceCollection();
        services.AddJobsPortalCore(database);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();

        await using var db = await provider.GetRequiredService<IDbContextFactory<JobsPortalDbContext>>().CreateDbContextAsync();
        var fibre = await db.JobTypes.Where(t => t.AlternativeCode == "INST").Select(t => t.Id).SingleAsync();
        // The field technician with the most jobs, and the last 90 days of the data.
        var busiest = await db.Jobs.Where(j => j.AssignedUserId != null).GroupBy(j => j.AssignedUserId)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var newest = await db.Jobs.MaxAsync(j => j.CreatedAt);
        var count = await db.Jobs.CountAsync();

        var case1 = new JobSearchQuery();
        return new BenchDatabase(provider, connectionString)
        {
            Case1 = case1,
            Case2 = new JobSearchQuery { States = [LifeCycleState.PENDING] },
            Case3 = new JobSearchQuery { TypeId = fibre, States = [LifeCycleState.PENDING], Sort = JobSortColumn.ScheduledDate, Descending = false },
            Case4 = new JobSearchQuery { Text = "harbour" },
            Case5 = new JobSearchQuery
            {
                AssignedUserId = busiest,
                CreatedFrom = DateOnly.FromDateTime(newest.AddDays(-90)),
                CreatedTo = DateOnly.FromDateTime(newest),
            },
            // Numbers J00500000 to J00509999: ten thousand jobs.
            Case6 = new JobSearchQuery { Text = "J0050" },
            Case7 = case1 with { Page = 199 },
            DetailNumber = $"J{count / 2:D8}",
        };
    }

    public async ValueTask DisposeAsync() => await Services.DisposeAsync();
}
