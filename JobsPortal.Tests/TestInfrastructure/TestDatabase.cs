using System.Security.Claims;
using JobsPortal.Shared;
using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace JobsPortal.Tests.TestInfrastructure;

/// <summary>
/// A fresh SQLite file of its own for one test (or one fixture), migrated like the app's, with the
/// app's real data services over it; or, on PostgreSQL, a database of its own on the test run's
/// <see cref="PostgresServer"/>. Never the developer's database; the file or database is removed at the end.
/// Scoped services come only from scopes (the provider validates it), and every scope this class
/// hands out is disposed with it.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);

    private readonly List<AsyncServiceScope> _scopes = [];

    private readonly string? _path;
    private readonly (PostgresServer Server, string Name)? _postgres;

    private TestDatabase(DatabaseSettings settings, string? path, (PostgresServer, string)? postgres, ServiceProvider services, FakeTimeProvider clock)
    {
        Settings = settings;
        _path = path;
        _postgres = postgres;
        Services = services;
        Clock = clock;
    }

    public DatabaseSettings Settings { get; }
    public DatabaseProvider Provider => Settings.Provider;

    /// <summary>The SQLite file; a PostgreSQL test database has none.</summary>
    public string Path => _path ?? throw new InvalidOperationException("A PostgreSQL test database has no file.");
    public string ConnectionString => Settings.ConnectionString;
    public ServiceProvider Services { get; }
    public FakeTimeProvider Clock { get; }
    public IDbContextFactory<JobsPortalDbContext> Factory => Services.GetRequiredService<IDbContextFactory<JobsPortalDbContext>>();

    public static string NewPath() =>
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "jobsportal-tests", $"{Guid.NewGuid():N}.db");

    /// <summary>A migrated database; with <paramref name="demoJobs"/> &gt; 0, also the demo's reference data, people and jobs.</summary>
    public static async Task<TestDatabase> CreateAsync(
        int demoJobs = 0, Action<IServiceCollection>? configure = null, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        TestDatabase db;
        if (provider == DatabaseProvider.PostgreSql)
        {
            var server = await PostgresServer.GetAsync();
            db = Build(server, await server.CreateDatabaseAsync(), configure);
        }
        else
        {
            var path = NewPath();
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            db = Build(path, configure);
        }

        await using var scope = db.Services.CreateAsyncScope();
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        await initializer.InitializeAsync();
        if (demoJobs > 0)
        {
            await initializer.SeedDemoAsync(demoJobs);
        }
        return db;
    }

    private static TestDatabase Build(string path, Action<IServiceCollection>? configure) =>
        Build(DatabaseSettings.Sqlite($"Data Source={path}"), path, null, configure);

    private static TestDatabase Build(PostgresServer server, string database, Action<IServiceCollection>? configure) =>
        Build(DatabaseSettings.PostgreSql(server.ConnectionString(database)), null, (server, database), configure);

    private static TestDatabase Build(DatabaseSettings settings, string? path, (PostgresServer, string)? postgres, Action<IServiceCollection>? configure)
    {
        var clock = new FakeTimeProvider(DefaultNow);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddJobsPortalCore(settings);
        configure?.Invoke(services);
        return new TestDatabase(settings, path, postgres, services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }), clock);
    }

    /// <summary>A context to arrange and check a test's data; what it saves is a system write, as the seed's is.</summary>
    public JobsPortalDbContext CreateContext() => Factory.CreateDbContext(AuditActor.System);

    /// <summary>
    /// A scoped service as one request or circuit would get it, for tests that call a service
    /// directly. Each call has a scope of its own, disposed with the database.
    /// </summary>
    public T Service<T>() where T : notnull
    {
        var scope = Services.CreateAsyncScope();
        lock (_scopes)
        {
            _scopes.Add(scope);
        }
        return scope.ServiceProvider.GetRequiredService<T>();
    }

    /// <summary>
    /// A person of this database signed in, as the sign-in cookie describes them: the app's own
    /// claims factory gives their id, name, display name and roles.
    /// </summary>
    public async Task<ClaimsPrincipal> PrincipalAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No one with the email {email} in this test database (demo people come with demoJobs > 0).");
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
    }

    /// <summary>
    /// Gives another container (a bUnit context's) the app's own registrations over this database,
    /// so a new feature service needs no change in the tests, with this database's singletons that
    /// hold state in their place: the context factory, the change feed, the write gate and the fake
    /// clock. What a test does through <see cref="Services"/> is then what the components see.
    /// </summary>
    public void ShareWith(IServiceCollection services)
    {
        services.AddJobsPortalCore(Settings);
        Share(services, Factory);
        Share(services, Services.GetRequiredService<JobChangeNotifier>());
        Share(services, Services.GetRequiredService<SqliteWriteGate>());
        Share<TimeProvider>(services, Clock);
    }

    private static void Share<T>(IServiceCollection services, T instance) where T : class
    {
        services.RemoveAll<T>();
        services.AddSingleton(instance);
    }

    /// <summary>
    /// A copy of this database in a new file, with services of its own: seeding once per class and
    /// copying per test keeps tests isolated without paying for the seed every time.
    /// </summary>
    public async Task<TestDatabase> CloneAsync(Action<IServiceCollection>? configure = null)
    {
        if (_postgres is var (server, name))
        {
            return Build(server, await server.CopyDatabaseAsync(name), configure);
        }
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
        foreach (var scope in _scopes)
        {
            await scope.DisposeAsync();
        }
        await Services.DisposeAsync();
        if (_postgres is var (server, name))
        {
            await server.DropDatabaseAsync(name);
            return;
        }
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try { File.Delete(Path + suffix); } catch (IOException) { }
        }
    }
}
