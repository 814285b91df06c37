using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Data.Seeding;
using JobsPortal.Features.Api;
using JobsPortal.Infrastructure;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace JobsPortal.Tests.Features.Api;

/// <summary>
/// The whole app with the demo seed, a clock the test moves (token expiry), and a token rate limit
/// high enough that only the rate-limit tests meet it. As a class fixture it is read-only: a test that
/// writes (cancels, locks an account, moves the clock) takes an app of its own with <see cref="CloneAsync"/>,
/// so no test depends on what another did before it.
/// </summary>
public class ApiAppFactory : AppFactory
{
    private static readonly string ConnectionStringKey = $"ConnectionStrings:{JobsPortalServiceExtensions.ConnectionStringName}";
    private readonly string? _copyPath;

    public ApiAppFactory() => Settings[$"{ApiOptions.Section}:{nameof(ApiOptions.TokenRequestsPerWindow)}"] = "100000";

    private ApiAppFactory(string copyPath) : this()
    {
        _copyPath = copyPath;
        Settings[ConnectionStringKey] = $"Data Source={copyPath}";
    }

    /// <summary>A new app (its own clock too) over a copy of this app's seeded database, taken with SQLite's backup API.</summary>
    public virtual async Task<ApiAppFactory> CloneAsync()
    {
        var path = TestDatabase.NewPath();
        await using var source = new SqliteConnection(Services.GetRequiredService<IConfiguration>()[ConnectionStringKey]);
        await using var target = new SqliteConnection($"Data Source={path}");
        await source.OpenAsync();
        await target.OpenAsync();
        source.BackupDatabase(target);
        return new ApiAppFactory(path);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_copyPath is not null)
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                try { File.Delete(_copyPath + suffix); } catch (IOException) { }
            }
        }
        GC.SuppressFinalize(this);
    }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public ApiClient Api() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));

    public IDbContextFactory<JobsPortalDbContext> Db => Services.GetRequiredService<IDbContextFactory<JobsPortalDbContext>>();

    public async Task<T> WithUsersAsync<T>(Func<UserManager<ApplicationUser>, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>());
    }

    /// <summary>A new account with the demo password and the given roles (none: signed in, but not staff).</summary>
    public Task<ApplicationUser> CreateUserAsync(string email, params string[] roles) => WithUsersAsync(async users =>
    {
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email };
        Assert.True((await users.CreateAsync(user, DemoCatalog.DemoPassword)).Succeeded);
        foreach (var role in roles)
        {
            await users.AddToRoleAsync(user, role);
        }
        return user;
    });
}

/// <summary>
/// The same app on PostgreSQL. A clone is a copy of a seeded database no app is connected to
/// (PostgreSQL copies only an idle database): made once, on the first clone, by an app of its own that
/// seeds it at start, as this fixture's app seeds its own.
/// </summary>
public sealed class PostgreSqlApiAppFactory : ApiAppFactory
{
    private readonly SemaphoreSlim _seeding = new(1, 1);
    private string? _seeded;
    private readonly string? _copy;

    public PostgreSqlApiAppFactory() => Provider = DatabaseProvider.PostgreSql;

    private PostgreSqlApiAppFactory(string copy) : this()
    {
        _copy = copy;
        PostgreSqlDatabase = copy;
    }

    public override async Task<ApiAppFactory> CloneAsync()
    {
        var server = await PostgresServer.GetAsync();
        await _seeding.WaitAsync();
        try
        {
            if (_seeded is null)
            {
                var seeded = await server.CreateEmptyDatabaseAsync();
                await using (var seeding = new ApiAppFactory { Provider = DatabaseProvider.PostgreSql, PostgreSqlDatabase = seeded })
                {
                    _ = seeding.Services; // starts the app, which migrates and seeds the database
                }
                _seeded = seeded;
            }
        }
        finally
        {
            _seeding.Release();
        }
        return new PostgreSqlApiAppFactory(await server.CopyDatabaseAsync(_seeded));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        var server = await PostgresServer.GetAsync();
        foreach (var database in new[] { _copy, _seeded })
        {
            if (database is not null)
            {
                await server.DropDatabaseAsync(database);
            }
        }
        _seeding.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The rate limit tests' own app: three token requests per client address per hour.</summary>
public class RateLimitedApiAppFactory : ApiAppFactory
{
    public const int Limit = 3;

    public RateLimitedApiAppFactory()
    {
        Settings[$"{ApiOptions.Section}:{nameof(ApiOptions.TokenRequestsPerWindow)}"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings[$"{ApiOptions.Section}:{nameof(ApiOptions.TokenWindowSeconds)}"] = "3600";
    }
}

/// <summary>The same limit on PostgreSQL: the limit is counted in the instance, the accounts it guards are in the database.</summary>
public sealed class PostgreSqlRateLimitedApiAppFactory : RateLimitedApiAppFactory
{
    public PostgreSqlRateLimitedApiAppFactory() => Provider = DatabaseProvider.PostgreSql;
}

/// <summary>An answer of the API: its HTTP status and its envelope.</summary>
public sealed class ApiResponse(HttpResponseMessage response, JsonElement root)
{
    public HttpStatusCode Status => response.StatusCode;
    public HttpResponseMessage Message => response;
    public JsonElement Root => root;
    public string Code => root.GetProperty("status").GetProperty("code").GetString()!;
    public string Text => root.GetProperty("status").GetProperty("message").GetString()!;
    public string Description => root.GetProperty("status").GetProperty("description").GetString()!;
    public JsonElement Data => root.GetProperty("data");

    public override string ToString() => $"{(int)Status} {root}";
}

public sealed class ApiClient(HttpClient http)
{
    public const string Base = "/crmapi/rest/v2/";

    public HttpClient Http => http;

    public Task<ApiResponse> PostAsync(string method, object body, string? bearer = null) =>
        PostRawAsync(method, JsonSerializer.Serialize(body), bearer);

    public Task<ApiResponse> PostRawAsync(string method, string body, string? bearer = null, string contentType = "application/json") =>
        PostContentAsync(method, new StringContent(body, Encoding.UTF8, contentType), bearer);

    /// <summary>A body as bytes, which need not be UTF-8.</summary>
    public Task<ApiResponse> PostBytesAsync(string method, byte[] body, string? bearer = null) =>
        PostContentAsync(method, new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } }, bearer);

    private async Task<ApiResponse> PostContentAsync(string method, HttpContent content, string? bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Base + method) { Content = content };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        return await SendAsync(request);
    }

    public async Task<ApiResponse> GetAsync(string methodAndQuery, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Base + methodAndQuery);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        return await SendAsync(request);
    }

    public async Task<ApiResponse> SendAsync(HttpRequestMessage request)
    {
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/json",
            $"{request.Method} {request.RequestUri} answered {(int)response.StatusCode} {response.Content.Headers.ContentType}: {text}");
        return new ApiResponse(response, JsonDocument.Parse(text).RootElement.Clone());
    }

    public async Task<string> TokenAsync(string username = "maria.lopez@example.com", string password = DemoCatalog.DemoPassword)
    {
        var response = await PostAsync("authentication/token", new { username, password });
        Assert.True(response.Code == "OK", response.ToString());
        return response.Data.GetProperty("token").GetString()!;
    }
}

public static class ApiAssert
{
    /// <summary>A failure: its code, its HTTP status, a message, the catalogue's description and no data.</summary>
    public static void Error(ApiResponse response, string code, HttpStatusCode status)
    {
        Assert.True(response.Code == code && response.Status == status, $"expected {(int)status} {code}, got {response}");
        Assert.False(string.IsNullOrWhiteSpace(response.Text));
        Assert.Equal(ApiErrorCatalog.DescriptionOf(code), response.Description);
        Assert.NotEqual("", response.Description);
        Assert.Equal(JsonValueKind.Null, response.Data.ValueKind);
    }

    public static void Ok(ApiResponse response)
    {
        Assert.True(response.Status == HttpStatusCode.OK && response.Code == "OK", response.ToString());
    }
}
