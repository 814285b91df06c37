using System.Net;
using JobsPortal.Data.Seeding;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace JobsPortal.Tests.Foundation;

public sealed class SignInHttpTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string Agent = "maria.lopez@example.com";

    private HttpClient NewClient() =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Theory]
    [InlineData("/")]
    [InlineData("/jobs")]
    public async Task Anonymous_user_is_sent_to_sign_in(string path)
    {
        var response = await NewClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", new Uri(factory.Server.BaseAddress, response.Headers.Location!).PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_page_shows_demo_accounts_in_demo_mode()
    {
        var html = await NewClient().GetStringAsync("/Account/Login");

        Assert.Contains("Demo accounts", html, StringComparison.Ordinal);
        Assert.Contains(DemoCatalog.DemoPassword, html, StringComparison.Ordinal);
        Assert.Contains(Agent, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_agent_signs_in_and_reaches_the_app()
    {
        var client = NewClient();

        var response = await HttpSignIn.PostLoginAsync(client, Agent, DemoCatalog.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/jobs", new Uri(factory.Server.BaseAddress, response.Headers.Location!).AbsolutePath);
        var overview = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        var html = await overview.Content.ReadAsStringAsync();
        Assert.Contains("Maria Lopez", html, StringComparison.Ordinal);
        Assert.Contains("Agent", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_a_message_and_no_cookie()
    {
        var client = NewClient();

        var response = await HttpSignIn.PostLoginAsync(client, "tom.becker@example.com", "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("The email or password is not right", html, StringComparison.Ordinal);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal) && !v.Contains("expires=Thu, 01 Jan 1970", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Account_locks_after_five_failed_attempts_even_for_the_right_password()
    {
        var client = NewClient();
        const string user = "elena.petrou@example.com";

        for (var i = 0; i < 5; i++)
        {
            await HttpSignIn.PostLoginAsync(client, user, "wrong-" + i);
        }
        var response = await HttpSignIn.PostLoginAsync(client, user, DemoCatalog.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Account/Lockout", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        var client = NewClient();
        await HttpSignIn.PostLoginAsync(client, "james.carter@example.com", DemoCatalog.DemoPassword);
        var page = await client.GetStringAsync("/");

        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HttpSignIn.AntiforgeryTokenOf(page),
            ["ReturnUrl"] = "",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Registration_pages_do_not_exist()
    {
        var response = await NewClient().GetAsync("/Account/Register");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_endpoint_reports_healthy_database_anonymously()
    {
        var response = await NewClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_address_shows_the_not_found_page()
    {
        var client = NewClient();
        await HttpSignIn.PostLoginAsync(client, "maria.lopez@example.com", DemoCatalog.DemoPassword);

        var response = await client.GetAsync("/no-such-page");

        Assert.True(response.StatusCode == HttpStatusCode.NotFound, await response.Content.ReadAsStringAsync());
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
