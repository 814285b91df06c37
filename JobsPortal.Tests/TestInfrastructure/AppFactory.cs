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
/// The whole app over its own temporary SQLite file with the demo seed. <see cref="StartKestrel"/>
/// makes it a real server on a free loopback port, for browser tests.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    private readonly string _databasePath = TestDatabase.NewPath();

    public bool DemoMode { get; init; } = true;
    // The sign-in form's rate limit is met only by the tests about it (Security/SignInRateLimitTests).
    public Dictionary<string, string?> Settings { get; } = new() { [$"{SignInLimitOptions.Section}:{nameof(SignInLimitOptions.RequestsPerWindow)}"] = "100000" };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_databasePath)!);
        builder.UseEnvironment("Development");
        builder.UseSetting($"ConnectionStrings:{JobsPortalServiceExtensions.ConnectionStringName}", $"Data Source={_databasePath}");
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
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try { File.Delete(_databasePath + suffix); } catch (IOException) { }
        }
        GC.SuppressFinalize(this);
    }
}
