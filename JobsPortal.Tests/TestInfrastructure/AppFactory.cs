using JobsPortal.Data;
using JobsPortal.Infrastructure;
using JobsPortal.Infrastructure.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace JobsPortal.Tests.TestInfrastructure;

/// <summary>
/// The whole app over its own temporary SQLite file with the demo seed, or over a PostgreSQL database
/// on the test run's <see cref="PostgresServer"/> (a new empty one unless <see cref="PostgreSqlDatabase"/>
/// names one that several apps share). <see cref="StartKestrel"/> makes it a real server on a free
/// loopback port, for browser tests.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    private readonly string _databasePath = TestDatabase.NewPath();
    private string? _ownDatabase;

    public bool DemoMode { get; init; } = true;
    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    /// <summary>On PostgreSQL: a database the test made and removes itself; by default the app gets a new empty one.</summary>
    public string? PostgreSqlDatabase { get; init; }
    // The sign-in form's rate limit is met only by the tests about it (Security/SignInRateLimitTests).
    public Dictionary<string, string?> Settings { get; } = new() { [$"{SignInLimitOptions.Section}:{nameof(SignInLimitOptions.RequestsPerWindow)}"] = "100000" };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        if (Provider == DatabaseProvider.PostgreSql)
        {
            // WebApplicationFactory configures the host synchronously.
            var server = PostgresServer.GetAsync().GetAwaiter().GetResult();
            var database = PostgreSqlDatabase ?? (_ownDatabase = server.CreateEmptyDatabaseAsync().GetAwaiter().GetResult());
            builder.UseSetting(DatabaseSettings.ProviderKey, nameof(DatabaseProvider.PostgreSql));
            builder.UseSetting($"ConnectionStrings:{JobsPortalServiceExtensions.ConnectionStringName}", server.ConnectionString(database));
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_databasePath)!);
            builder.UseSetting($"ConnectionStrings:{JobsPortalServiceExtensions.ConnectionStringName}", $"Data Source={_databasePath}");
        }
        builder.UseSetting($"{JobsPortalOptions.Section}:DemoMode", DemoMode ? "true" : "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Starts a real Kestrel server and returns its base address (http://localhost:PORT/).</summary>
    public string StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        // The browser must use localhost, not an IP address (the account pages' scripts expect a host name).
        var port = new Uri(address).Port;
        return $"http://localhost:{port}/";
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownDatabase is not null)
        {
            await (await PostgresServer.GetAsync()).DropDatabaseAsync(_ownDatabase);
        }
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try { File.Delete(_databasePath + suffix); } catch (IOException) { }
        }
        GC.SuppressFinalize(this);
    }
}

/// <summary>The whole app with the demo seed on a new database of the test run's PostgreSQL server.</summary>
public sealed class PostgreSqlAppFactory : AppFactory
{
    public PostgreSqlAppFactory() => Provider = DatabaseProvider.PostgreSql;
}
