using System.Net;
using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Tests.Features.Api;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace JobsPortal.Tests.Security;

/// <summary>
/// The app with the demo seed (the API factory's: accounts made per test, the token rate limit out of
/// the way), whose password hasher counts its checks, and whose connections come from the address a
/// request names in <see cref="PeerHeader"/> (TestServer gives them none): a client, or a proxy.
/// </summary>
public class SecurityAppFactory : ApiAppFactory
{
    public const string PeerHeader = "X-Test-Peer";
    public const string DefaultPeer = "192.0.2.1";

    public CountingPasswordHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter, PeerAddressFilter>();
            services.AddSingleton<IPasswordHasher<ApplicationUser>>(Hasher);
        });
    }

    public HttpClient NewClient(bool cookies = true, string? peer = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = cookies });
        if (peer is not null)
        {
            client.DefaultRequestHeaders.Add(PeerHeader, peer);
        }
        return client;
    }

    /// <summary>A new account with a unique email and the demo password.</summary>
    public Task<ApplicationUser> NewAccountAsync(string role = Roles.Agent) => CreateUserAsync($"{Guid.NewGuid():N}@example.com", role);

    private sealed class PeerAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                var peer = context.Request.Headers[PeerHeader].ToString();
                context.Connection.RemoteIpAddress = IPAddress.Parse(peer.Length > 0 ? peer : DefaultPeer);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>Identity's password hasher, counting how many passwords it checks.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<ApplicationUser>
{
    private readonly PasswordHasher<ApplicationUser> _inner = new();
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public string HashPassword(ApplicationUser user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// <summary>The sign-in form as one browser sees it: its page (and antiforgery token) already loaded, ready to post.</summary>
public sealed class SignInForm(HttpClient client, string token, string query)
{
    public const string Wrong = "wrong password";
    public const string Locked = "locked";
    public const string SignedIn = "signed in";

    public HttpClient Client => client;

    public static async Task<SignInForm> OpenAsync(HttpClient client, string query = "")
    {
        var page = await client.GetStringAsync("/Account/Login" + query);
        return new SignInForm(client, HttpSignIn.AntiforgeryTokenOf(page), query);
    }

    public Task<HttpResponseMessage> PostAsync(string email, string password) =>
        client.PostAsync("/Account/Login" + query, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));

    /// <summary>What the form answered: <see cref="Wrong"/>, <see cref="Locked"/>, <see cref="SignedIn"/>, or the status and body.</summary>
    public static async Task<string> OutcomeOf(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode switch
        {
            HttpStatusCode.OK when (await response.Content.ReadAsStringAsync()).Contains("The email or password is not right", StringComparison.Ordinal) => Wrong,
            HttpStatusCode.Redirect when location.Contains("Account/Lockout", StringComparison.Ordinal) => Locked,
            HttpStatusCode.Redirect when IdentityCookieOf(response) is not null => SignedIn,
            _ => $"{(int)response.StatusCode} {location} {await response.Content.ReadAsStringAsync()}",
        };
    }

    /// <summary>The sign-in cookie a response sets, as a <c>Cookie</c> header value, if it sets one.</summary>
    public static string? IdentityCookieOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Select(c => c.Split(';')[0])
                .FirstOrDefault(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal) && c.Length > ".AspNetCore.Identity.Application=".Length)
            : null;
}

/// <summary>The same app on a database of its own on the test run's PostgreSQL server.</summary>
public sealed class PostgreSqlSecurityAppFactory : SecurityAppFactory
{
    public PostgreSqlSecurityAppFactory() => Provider = DatabaseProvider.PostgreSql;
}
