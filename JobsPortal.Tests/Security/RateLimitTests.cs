using System.Net;
using JobsPortal.Features.Api;
using JobsPortal.Infrastructure.Security;
using JobsPortal.Tests.Features.Api;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Tests.Security;

/// <summary>Three sign-in posts and three token requests per client address per hour; proxies as configured by the subclass.</summary>
public class RateLimitedAppFactory : SecurityAppFactory
{
    public const int Limit = 3;

    public RateLimitedAppFactory()
    {
        Settings[$"{SignInLimitOptions.Section}:{nameof(SignInLimitOptions.RequestsPerWindow)}"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings[$"{SignInLimitOptions.Section}:{nameof(SignInLimitOptions.WindowSeconds)}"] = "3600";
        Settings[$"{ApiOptions.Section}:{nameof(ApiOptions.TokenRequestsPerWindow)}"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings[$"{ApiOptions.Section}:{nameof(ApiOptions.TokenWindowSeconds)}"] = "3600";
    }
}

/// <summary>Behind a reverse proxy at 10.0.0.5, the one the settings name.</summary>
public sealed class ProxiedAppFactory : RateLimitedAppFactory
{
    public const string Proxy = "10.0.0.5";

    public ProxiedAppFactory()
    {
        Settings[$"{ForwardedHeadersSettings.Section}:{nameof(ForwardedHeadersSettings.KnownProxies)}:0"] = Proxy;
        Settings[$"{ForwardedHeadersSettings.Section}:{nameof(ForwardedHeadersSettings.KnownNetworks)}:0"] = "172.16.0.0/24";
    }
}

public sealed class SignInRateLimitTests(RateLimitedAppFactory factory) : IClassFixture<RateLimitedAppFactory>
{
    [Fact]
    public async Task Sign_in_posts_beyond_the_limit_get_429_with_retry_after_while_the_form_still_shows()
    {
        var account = await factory.NewAccountAsync();
        var form = await SignInForm.OpenAsync(factory.NewClient(peer: "198.51.100.7"));
        for (var i = 0; i < RateLimitedAppFactory.Limit; i++)
        {
            Assert.Equal(SignInForm.Wrong, await SignInForm.OutcomeOf(await form.PostAsync(account.Email!, "wrong-" + i)));
        }

        var limited = await form.PostAsync(account.Email!, Data.Seeding.DemoCatalog.DemoPassword);
        var page = await form.Client.GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, limited.Headers.ToString());
        Assert.Contains("Too many sign-in attempts", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(SignInForm.IdentityCookieOf(limited));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        // Refused before the password was looked at: the attempt did not count towards the lockout.
        await using var db = await factory.Db.CreateDbContextAsync();
        Assert.Equal(RateLimitedAppFactory.Limit, (await db.Users.AsNoTracking().SingleAsync(u => u.Id == account.Id)).AccessFailedCount);
    }

    [Fact]
    public async Task Another_client_address_has_its_own_limit()
    {
        var account = await factory.NewAccountAsync();
        var first = await SignInForm.OpenAsync(factory.NewClient(peer: "198.51.100.8"));
        for (var i = 0; i <= RateLimitedAppFactory.Limit; i++)
        {
            await first.PostAsync(account.Email!, "wrong");
        }

        var other = await SignInForm.OpenAsync(factory.NewClient(peer: "198.51.100.9"));

        Assert.Equal(HttpStatusCode.TooManyRequests, (await first.PostAsync(account.Email!, "wrong")).StatusCode);
        Assert.Equal(SignInForm.Wrong, await SignInForm.OutcomeOf(await other.PostAsync(account.Email!, "wrong")));
    }
}

/// <summary>
/// Behind a reverse proxy every request comes from the proxy's address; the client's is in
/// X-Forwarded-For. The app believes that header from the configured proxies only: then the rate
/// limits and the recorded sessions see the real client, and anyone else cannot pick an address.
/// </summary>
public sealed class ForwardedHeadersTests(ProxiedAppFactory factory) : IClassFixture<ProxiedAppFactory>
{
    [Theory]
    [InlineData(ProxiedAppFactory.Proxy, "203.0.113.10", "203.0.113.11")]
    [InlineData("172.16.0.20", "203.0.113.12", "203.0.113.13")]
    public async Task Through_a_known_proxy_each_forwarded_client_has_its_own_rate_limit(string proxy, string addressA, string addressB)
    {
        var clientA = Forwarded(factory.NewClient(peer: proxy), addressA);
        var clientB = Forwarded(factory.NewClient(peer: proxy), addressB);

        var answersA = new List<HttpStatusCode>();
        for (var i = 0; i <= RateLimitedAppFactory.Limit; i++)
        {
            answersA.Add((await TokenAsync(clientA)).Status);
        }
        var answerB = await TokenAsync(clientB);

        Assert.Equal(HttpStatusCode.TooManyRequests, answersA[^1]);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, answersA[..^1]);
        ApiAssert.Error(answerB, ApiErrorCodes.InvalidCredentials, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task From_an_unknown_address_the_forwarded_header_is_ignored()
    {
        const string stranger = "198.51.100.50";
        var clientA = Forwarded(factory.NewClient(peer: stranger), "203.0.113.20");
        var clientB = Forwarded(factory.NewClient(peer: stranger), "203.0.113.21");

        for (var i = 0; i < RateLimitedAppFactory.Limit; i++)
        {
            await TokenAsync(clientA);
        }
        var answerB = await TokenAsync(clientB);

        // Both are the stranger's own address, whatever they claim: one limit, already used up.
        ApiAssert.Error(answerB, ApiErrorCodes.RateLimited, HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task A_session_records_the_forwarded_client_address()
    {
        var account = await factory.NewAccountAsync();
        var form = await SignInForm.OpenAsync(Forwarded(factory.NewClient(peer: ProxiedAppFactory.Proxy), "203.0.113.30"));

        Assert.Equal(SignInForm.SignedIn, await SignInForm.OutcomeOf(await form.PostAsync(account.Email!, Data.Seeding.DemoCatalog.DemoPassword)));

        await using var db = await factory.Db.CreateDbContextAsync();
        Assert.Equal("203.0.113.30", (await db.UserSessions.AsNoTracking().SingleAsync(s => s.UserId == account.Id)).Address);
    }

    private static HttpClient Forwarded(HttpClient client, string address)
    {
        // What a client could add itself ("1.2.3.4") comes first; the known proxy appends the address it saw.
        client.DefaultRequestHeaders.Add("X-Forwarded-For", $"1.2.3.4, {address}");
        return client;
    }

    private static Task<ApiResponse> TokenAsync(HttpClient client) =>
        new ApiClient(client).PostAsync("authentication/token", new { username = "nobody-here@example.com", password = "wrong" });
}
