using System.Net;
using JobsPortal.Components.Account;
using JobsPortal.Data.Seeding;
using JobsPortal.Tests.TestInfrastructure;

namespace JobsPortal.Tests.Security;

/// <summary>
/// A return address after signing in or out is followed only when it stays on this site. Foreign
/// ones used to answer 500 (and not sign in); now they are ignored and the person lands on the job search.
/// </summary>
public sealed class ReturnUrlTests(SecurityAppFactory factory) : IClassFixture<SecurityAppFactory>
{
    public static TheoryData<string> Foreign =>
    [
        "https://evil.example/",
        "http://evil.example/jobs",
        "//evil.example",
        "//evil.example/jobs",
        "/\\evil.example",
        "\\\\evil.example",
        "/\t/evil.example",
        " //evil.example",
        "https:evil.example",
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
    ];

    [Theory]
    [MemberData(nameof(Foreign))]
    public async Task Sign_in_with_a_foreign_return_address_signs_in_and_lands_on_the_job_search(string returnUrl)
    {
        var account = await factory.NewAccountAsync();
        var browser = factory.NewClient();
        var form = await SignInForm.OpenAsync(browser, "?ReturnUrl=" + Uri.EscapeDataString(returnUrl));

        var response = await form.PostAsync(account.Email!, DemoCatalog.DemoPassword);

        Assert.Equal(SignInForm.SignedIn, await SignInForm.OutcomeOf(response));
        Assert.Equal("/jobs", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/jobs")).StatusCode);
    }

    [Theory]
    [InlineData("/cancellations?from=2026-01-01", "/cancellations?from=2026-01-01")]
    [InlineData("jobs/J00000001", "/jobs/J00000001")]
    [InlineData("", "/jobs")]
    public async Task Sign_in_with_a_local_return_address_goes_there(string returnUrl, string expected)
    {
        var account = await factory.NewAccountAsync();
        var form = await SignInForm.OpenAsync(factory.NewClient(), "?ReturnUrl=" + Uri.EscapeDataString(returnUrl));

        var response = await form.PostAsync(account.Email!, DemoCatalog.DemoPassword);

        Assert.Equal(SignInForm.SignedIn, await SignInForm.OutcomeOf(response));
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [MemberData(nameof(Foreign))]
    public async Task Sign_out_with_a_foreign_return_address_signs_out_and_lands_on_the_job_search(string returnUrl)
    {
        var account = await factory.NewAccountAsync();
        var browser = factory.NewClient();
        await (await SignInForm.OpenAsync(browser)).PostAsync(account.Email!, DemoCatalog.DemoPassword);
        var page = await browser.GetStringAsync("/jobs");

        var response = await browser.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HttpSignIn.AntiforgeryTokenOf(page),
            ["ReturnUrl"] = returnUrl,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/jobs", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/jobs")).StatusCode);
    }

    [Theory]
    [InlineData("jobs", true)]
    [InlineData("/jobs?q=a:b", true)]
    [InlineData("Account/Lockout", true)]
    [InlineData("/jobs/J1#items", true)]
    [InlineData("/jobs:x", true)]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("//evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("/jobs\\..\\", false)]
    [InlineData("/\r\n/evil.example", false)]
    [InlineData("HTTPS://evil.example", false)]
    [InlineData("mailto:a@b.example", false)]
    public void Only_a_path_on_this_site_is_local(string? url, bool local) => Assert.Equal(local, ReturnUrls.IsLocal(url));
}
