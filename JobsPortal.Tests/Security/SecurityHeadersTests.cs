using System.Net;
using System.Text.RegularExpressions;
using JobsPortal.Data.Seeding;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace JobsPortal.Tests.Security;

public sealed partial class SecurityHeadersTests(SecurityAppFactory factory) : IClassFixture<SecurityAppFactory>
{
    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/jobs")]
    [InlineData("/no-such-page")]
    [InlineData("/health")]
    [InlineData("/app.css")]
    [InlineData("/crmapi/rest/v2/no-such-method")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/api-docs")]
    public async Task Every_response_says_nosniff_a_referrer_policy_and_a_content_security_policy(string path)
    {
        var response = await factory.NewClient().GetAsync(path);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        var policy = Header(response, "Content-Security-Policy");
        foreach (var directive in new[] { "default-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "form-action 'self'" })
        {
            Assert.Contains(directive, policy, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.DoesNotMatch("script-src[^;]*'unsafe-inline'", policy);
    }

    [Fact]
    public async Task A_pages_inline_import_map_carries_the_nonce_its_policy_allows_and_each_response_gets_a_new_one()
    {
        var first = await factory.NewClient().GetAsync("/Account/Login");
        var second = await factory.NewClient().GetAsync("/Account/Login");

        var nonce = ScriptNonce().Match(Header(first, "Content-Security-Policy")).Groups[1].Value;
        Assert.NotEqual("", nonce);
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\"", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(nonce, ScriptNonce().Match(Header(second, "Content-Security-Policy")).Groups[1].Value);
    }

    [Fact]
    public async Task The_api_reference_pages_scripts_carry_a_nonce_its_policy_allows()
    {
        var response = await factory.NewClient().GetAsync("/api-docs/");
        var html = await response.Content.ReadAsStringAsync();
        var allowed = ScriptNonce().Matches(Header(response, "Content-Security-Policy")).Select(m => m.Groups[1].Value).ToHashSet();

        var scripts = ScriptTag().Matches(html).Select(m => m.Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, tag => Assert.Contains(NonceAttribute().Match(tag).Groups[1].Value, allowed));
    }

    [Theory]
    [InlineData("/jobs")]
    [InlineData("/cancellations")]
    [InlineData("/")]
    public async Task A_foreign_host_header_never_reaches_the_sign_in_redirect(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "evil.example";

        var response = await factory.NewClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("evil.example", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("/Account/Login?ReturnUrl=", response.Headers.Location.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_foreign_host_header_never_reaches_the_redirect_after_signing_in()
    {
        var account = await factory.NewAccountAsync();
        var browser = factory.NewClient();
        browser.DefaultRequestHeaders.Host = "evil.example";
        var form = await SignInForm.OpenAsync(browser);

        var response = await form.PostAsync(account.Email!, DemoCatalog.DemoPassword);

        Assert.Equal(SignInForm.SignedIn, await SignInForm.OutcomeOf(response));
        Assert.Equal("/jobs", response.Headers.Location!.OriginalString);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : "";

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex ScriptNonce();

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();

    [GeneratedRegex("nonce=\"([^\"]+)\"")]
    private static partial Regex NonceAttribute();
}

/// <summary>Outside development: HSTS on HTTPS answers, and plain HTTP sent to HTTPS.</summary>
public sealed class ProductionTransportTests : IAsyncLifetime
{
    private readonly ProductionAppFactory _factory = new();

    [Fact]
    public async Task Https_answers_carry_hsts()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://jobs.example.com"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=", string.Join("", response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        Assert.Equal("nosniff", string.Join("", response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Plain_http_is_redirected_to_https()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://jobs.example.com"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https://jobs.example.com/Account/Login", response.Headers.Location!.OriginalString);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private sealed class ProductionAppFactory : AppFactory
    {
        public ProductionAppFactory() => Settings["https_port"] = "443";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }
}
