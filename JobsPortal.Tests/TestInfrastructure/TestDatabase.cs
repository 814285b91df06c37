using JobsPortal.Shared;
using JobsPortal.Data;
using JobsPortal.Data.Seeding;
using JobsPortal.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace JobsPortal.Tests.TestInfrastructure;

/// <summary>
/// A fresh SQLite file of its own for one test (or one fixture), migrated like the app's, with the
/// app's real data services over it. Never the developer's database; the file is deleted at the end.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);

    private TestDatabase(string path, ServiceProvider services, FakeTimeProvider clock)
    {
        Path = path;
        Services = services;
        Clock = clock;
    }

    public string Path { get; }
    public string ConnectionString => $"Data Source={Path}";
    public ServiceProvider Services { get; }
    public FakeTimeProvider Clock { get; }
    public IDbContextFactory<JobsPortalDbContext> Factory => Services.GetRequiredService<IDbContextFactory<JobsPortalDbContext>>();

    public static string NewPath() =>
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "jobsportal-tests", $"{Guid.NewGuid():N}.db");

    /// <summary>A migrated database; with <paramref name="demoJobs"/> &gt; 0, also the demo's reference data, people and jobs.</summary>
    public static async Task<TestDatabase> CreateAsync(int demoJobs = 0, Action<IServiceCollection>? configure = null)
    {
        var path = NewPath();
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var db = Build(path, configure);

        await using var scope = db.Services.CreateAsyncScope();
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        await initializer.InitializeAsync();
        if (demoJobs > 0)
        {
            await initializer.SeedDemoAsync(demoJobs);
        }
        return db;
    }

    private static TestDatabase Build(string path, Action<IServiceCollection>? configure)
    {
        var clock = new FakeTimeProvider(DefaultNow);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddJobsPortalCore($"Data Source={path}");
        configure?.Invoke(services);
        return new TestDatabase(path, services.BuildServiceProvider(), clock);
    }

    /// <summary>A context to arrange and check a test's data; what it saves is a system write, as the seed's is.</summary>
    public JobsPortalDbContext CreateContext() => Factory.CreateDbContext(AuditActor.System);

    /// <summary>
    /// Gives a bUnit context this database's own singletons (context factory, change notifier, write
    /// gate) and the cancellation service over them, so what a test does through <see cref="Services"/>
    /// is what the rendered components see, and a new dependency is added in one place.
    /// </summary>
    public void ShareWith(IServiceCollection services)
    {
        services.AddSingleton(Factory);
        services.AddSingleton(Services.GetRequiredService<JobChangeNotifier>());
        services.AddSingleton(Services.GetRequiredService<SqliteWriteGate>());
        services.AddScoped<JobsPortal.Features.Cancellation.CancellationService>();
    }

    /// <summary>
    /// A copy of this database in a new file, with services of its own: seeding once per class and
    /// copying per test keeps tests isolated without paying for the seed every time.
    /// </summary>
    public async Task<TestDatabase> CloneAsync(Action<IServiceCollection>? configure = null)
    {
        await using (var connection = new SqliteConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }
        var path = NewPath();
        File.Copy(Path, path);
        return Build(path, configure);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try { File.Delete(Path + suffix); } catch (IOException) { }
        }
    }
}
