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
        var clock = new FakeTimeProvider(DefaultNow);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddJobsPortalCore($"Data Source={path}");
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        var db = new TestDatabase(path, provider, clock);

        await using var scope = provider.CreateAsyncScope();
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        await initializer.InitializeAsync();
        if (demoJobs > 0)
        {
            await initializer.SeedDemoAsync(demoJobs);
        }
        return db;
    }

    public JobsPortalDbContext CreateContext() => Factory.CreateDbContext();

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
