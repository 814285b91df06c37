using System.Net;
using JobsPortal.Data.Entities;
using JobsPortal.Data.Seeding;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Tests.Security;

/// <summary>
/// A sign-in cookie is honoured only while its server-side session stands: a copy taken before
/// signing out, or before the account's password, lock or existence changed, is refused at once.
/// </summary>
public sealed class SessionTests(SecurityAppFactory factory) : IClassFixture<SecurityAppFactory>
{
    [Fact]
    public async Task A_copy_of_the_cookie_taken_before_sign_out_is_refused_afterwards()
    {
        var (account, browser, cookie) = await SignedInAsync();
        Assert.Equal(HttpStatusCode.OK, (await WithCookie(cookie, "/jobs")).StatusCode);
        var page = await browser.GetStringAsync("/jobs");

        var signOut = await browser.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HttpSignIn.AntiforgeryTokenOf(page),
            ["ReturnUrl"] = "",
        }));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        AssertSentToSignIn(await WithCookie(cookie, "/jobs"));
        await using var db = await factory.Db.CreateDbContextAsync();
        Assert.NotNull((await db.UserSessions.AsNoTracking().SingleAsync(s => s.UserId == account.Id)).EndedUtc);
    }

    [Fact]
    public async Task A_new_security_stamp_refuses_the_cookie_at_once()
    {
        var (account, _, cookie) = await SignedInAsync();
        Assert.Equal(HttpStatusCode.OK, (await WithCookie(cookie, "/jobs")).StatusCode);

        await ChangeAccountAsync(account, (users, user) => users.UpdateSecurityStampAsync(user));

        AssertSentToSignIn(await WithCookie(cookie, "/jobs"));
    }

    [Fact]
    public async Task A_changed_password_refuses_the_cookie_at_once()
    {
        var (account, _, cookie) = await SignedInAsync();

        await ChangeAccountAsync(account, (users, user) => users.ChangePasswordAsync(user, DemoCatalog.DemoPassword, "An0ther!Passw0rd"));

        AssertSentToSignIn(await WithCookie(cookie, "/jobs"));
    }

    [Fact]
    public async Task Locking_the_account_refuses_the_cookie_at_once()
    {
        var (account, _, cookie) = await SignedInAsync();

        await ChangeAccountAsync(account, (users, user) => users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddYears(1)));

        AssertSentToSignIn(await WithCookie(cookie, "/jobs"));
    }

    [Fact]
    public async Task Removing_the_account_refuses_the_cookie_at_once()
    {
        var (account, _, cookie) = await SignedInAsync();

        await ChangeAccountAsync(account, (users, user) => users.DeleteAsync(user));

        AssertSentToSignIn(await WithCookie(cookie, "/jobs"));
    }

    [Fact]
    public async Task A_refused_cookie_is_deleted_and_its_session_ended()
    {
        var (account, _, cookie) = await SignedInAsync();
        await ChangeAccountAsync(account, (users, user) => users.UpdateSecurityStampAsync(user));

        var refused = await WithCookie(cookie, "/jobs");

        Assert.Contains(refused.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Identity.Application=;", StringComparison.Ordinal));
        await using var db = await factory.Db.CreateDbContextAsync();
        Assert.NotNull((await db.UserSessions.AsNoTracking().SingleAsync(s => s.UserId == account.Id)).EndedUtc);
    }

    [Fact]
    public async Task Each_sign_in_is_recorded_with_its_address_and_browser_and_others_are_untouched_by_one_sign_out()
    {
        var account = await factory.NewAccountAsync();
        var (_, first, firstCookie) = await SignedInAsync(account, "Browser/One");
        var (_, _, secondCookie) = await SignedInAsync(account, "Browser/Two");
        var page = await first.GetStringAsync("/jobs");

        await first.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HttpSignIn.AntiforgeryTokenOf(page),
        }));

        AssertSentToSignIn(await WithCookie(firstCookie, "/jobs"));
        Assert.Equal(HttpStatusCode.OK, (await WithCookie(secondCookie, "/jobs")).StatusCode);
        await using var db = await factory.Db.CreateDbContextAsync();
        var sessions = await db.UserSessions.AsNoTracking().Where(s => s.UserId == account.Id).OrderBy(s => s.UserAgent).ToListAsync();
        Assert.Equal(["Browser/One", "Browser/Two"], sessions.Select(s => s.UserAgent));
        Assert.All(sessions, s => Assert.Equal(SecurityAppFactory.DefaultPeer, s.Address));
        Assert.NotNull(sessions[0].EndedUtc);
        Assert.Null(sessions[1].EndedUtc);
    }

    private async Task<(ApplicationUser Account, HttpClient Browser, string Cookie)> SignedInAsync(ApplicationUser? account = null, string userAgent = "Test/1.0")
    {
        account ??= await factory.NewAccountAsync();
        var browser = factory.NewClient();
        browser.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        var form = await SignInForm.OpenAsync(browser);
        var response = await form.PostAsync(account.Email!, DemoCatalog.DemoPassword);
        Assert.Equal(SignInForm.SignedIn, await SignInForm.OutcomeOf(response));
        return (account, browser, SignInForm.IdentityCookieOf(response)!);
    }

    /// <summary>A request from somewhere else that carries only a copy of the sign-in cookie.</summary>
    private async Task<HttpResponseMessage> WithCookie(string cookie, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await factory.NewClient(cookies: false).SendAsync(request);
    }

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private Task ChangeAccountAsync(ApplicationUser account, Func<UserManager<ApplicationUser>, ApplicationUser, Task<IdentityResult>> change) =>
        factory.WithUsersAsync(async users =>
        {
            var result = await change(users, (await users.FindByIdAsync(account.Id))!);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
            return result;
        });
}
