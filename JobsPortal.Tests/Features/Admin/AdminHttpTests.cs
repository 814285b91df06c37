using JobsPortal.Shared;
using System.Net;
using JobsPortal.Data.Entities;
using JobsPortal.Data.Seeding;
using JobsPortal.Features.Admin;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JobsPortal.Tests.Features.Admin;

/// <summary>The admin area over HTTP: only admins get its pages and its export; a set-password link works once.</summary>
public sealed class AdminHttpTests(AppFactory factory) : IClassFixture<AppFactory>
{
    public static readonly TheoryData<string> AdminAddresses =
    [
        "/admin/users", "/admin/users/someone", "/admin/configuration", "/admin/audit", "/admin/audit?area=Person",
        AdminEndpoints.AuditExport, AdminEndpoints.AuditExport + "?area=Person",
    ];

    private HttpClient NewClient() =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private async Task<HttpClient> SignedInAsync(string email, string password = DemoCatalog.DemoPassword)
    {
        var client = NewClient();
        var response = await HttpSignIn.PostLoginAsync(client, email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("Lockout", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        return client;
    }

    [Theory]
    [MemberData(nameof(AdminAddresses))]
    public async Task Anonymous_is_sent_to_sign_in(string path)
    {
        var response = await NewClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", new Uri(factory.Server.BaseAddress, response.Headers.Location!).AbsolutePath);
    }

    [Theory]
    [MemberData(nameof(AdminAddresses))]
    public async Task Supervisors_and_agents_get_the_not_allowed_page(string path)
    {
        foreach (var email in new[] { DemoPeople.Supervisor, DemoPeople.Agent })
        {
            var client = await SignedInAsync(email);

            var response = await client.GetAsync(path);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var location = new Uri(factory.Server.BaseAddress, response.Headers.Location!);
            Assert.Equal(AppRoutes.NotAllowed, location.AbsolutePath);
            var shown = await client.GetAsync(location);
            Assert.Equal(HttpStatusCode.Forbidden, shown.StatusCode);
            Assert.Contains("Not allowed", await shown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/admin/users", "People")]
    [InlineData("/admin/configuration", "Configuration")]
    [InlineData("/admin/audit", "Admin audit")]
    public async Task The_admin_gets_the_pages(string path, string heading)
    {
        var client = await SignedInAsync(DemoPeople.Admin);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(heading + "</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_downloads_the_audit_as_csv()
    {
        var client = await SignedInAsync(DemoPeople.Admin);

        var response = await client.GetAsync(AdminEndpoints.AuditExport);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("At (UTC),By,Area,Target,Action,Before,After", System.Text.Encoding.UTF8.GetString(bytes[3..]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task My_account_needs_a_sign_in_and_shows_the_persons_sign_ins()
    {
        var anonymous = await NewClient().GetAsync("/Account/Manage");
        Assert.Equal("/Account/Login", new Uri(factory.Server.BaseAddress, anonymous.Headers.Location!).AbsolutePath);

        var client = await SignedInAsync(DemoPeople.OtherAgent);
        var html = await (await client.GetAsync("/Account/Manage")).Content.ReadAsStringAsync();
        Assert.Contains("Change your password", html, StringComparison.Ordinal);
        Assert.Contains("my-sign-ins", html, StringComparison.Ordinal);
        Assert.Contains(">open<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_person_sets_a_password_through_the_link_once_and_signs_in()
    {
        var admin = await ServicePrincipalAsync(DemoPeople.Admin);
        await using var scope = factory.Services.CreateAsyncScope();
        var added = await scope.ServiceProvider.GetRequiredService<PeopleService>()
            .AddAsync(admin, new NewPersonForm { Email = "link.user@example.com", DisplayName = "Link User", Roles = [Roles.Agent] });
        Assert.True(added.Succeeded, added.Message);

        var first = await PostSetPasswordAsync(added.Value!.RelativeUrl, "Linked!Pass2026");
        Assert.Contains("set-password-done", first, StringComparison.Ordinal);
        var again = await PostSetPasswordAsync(added.Value.RelativeUrl, "Other!Pass2026");
        Assert.Contains("not valid any more", again, StringComparison.Ordinal);

        var client = await SignedInAsync("link.user@example.com", "Linked!Pass2026");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/jobs")).StatusCode);
    }

    private async Task<string> PostSetPasswordAsync(string link, string password)
    {
        var client = NewClient();
        var page = await client.GetStringAsync(link);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(factory.Server.BaseAddress, link).Query);
        var response = await client.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HttpSignIn.AntiforgeryTokenOf(page),
            ["_handler"] = "set-password",
            ["Input.User"] = query["user"]!,
            ["Input.Code"] = query["code"]!,
            ["Input.Password"] = password,
            ["Input.Confirm"] = password,
        }));
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<System.Security.Claims.ClaimsPrincipal> ServicePrincipalAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!;
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
    }
}
