using System.Net.Http.Json;
using System.Text.Json;
using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JobsPortal.Tests.Browser;

/// <summary>
/// The admin area end to end: the demo admin adds an agent, the agent sets a password through the
/// link, signs in and cancels a job with a reason; the admin retires that reason, and neither the
/// Cancel dialog of another job nor the API's reasons list offers it any more.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminBrowserTests(BrowserFixture fixture)
{
    private const string NewAgent = "new.agent@example.com";
    private const string NewPassword = "Agent!Pass2026";
    private const string Reason = "Payment issue";

    private async Task<List<string>> OpenInstallationsAsync(int count)
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<JobsPortalDbContext>>().CreateDbContextAsync();
        return await db.Jobs.Where(j => j.JobType.AlternativeCode == "INST" && j.LifeCycleState == LifeCycleState.PENDING)
            .OrderBy(j => j.Id).Take(count).Select(j => j.Number).ToListAsync();
    }

    private static ILocator Select(IPage page, string label) => page.Locator($".mud-input-control.mud-select:has(label:text-is('{label}'))");

    [Fact]
    public async Task An_admin_adds_an_agent_who_sets_a_password_and_cancels_then_the_retired_reason_is_offered_nowhere()
    {
        var jobs = await OpenInstallationsAsync(2);

        // The admin adds an agent and gets the link.
        var admin = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(admin, "admin@example.com", path: "/admin/users");
        // The page has loaded its people (and the form its units) before anyone types into it.
        await Assertions.Expect(admin.Locator("[data-testid=people-grid] tbody tr").First).ToBeVisibleAsync();
        await admin.GetByText("Add a person").ClickAsync();
        var form = admin.Locator("[data-testid=add-person]");
        await form.GetByLabel("Email").FillAsync(NewAgent);
        await form.GetByLabel("Email").PressAsync("Tab");
        await form.GetByLabel("Display name").FillAsync("Nina Agent");
        await form.GetByLabel("Display name").PressAsync("Tab");
        await Assertions.Expect(admin.GetByTestId("role-Agent")).ToBeCheckedAsync();
        await admin.GetByTestId("person-submit").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("link-url")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var link = (await admin.GetByTestId("link-url").TextContentAsync())!.Trim();

        // The agent sets a password through it, signs in and cancels a job with a chosen reason.
        var agent = await fixture.NewPageAsync();
        await agent.GotoAsync(link);
        await agent.GetByLabel("New password").FillAsync(NewPassword);
        await agent.GetByLabel("Repeat it").FillAsync(NewPassword);
        await agent.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Assertions.Expect(agent.GetByTestId("set-password-done")).ToBeVisibleAsync();
        await BrowserFixture.SignInAsync(agent, NewAgent, NewPassword, path: $"/jobs/{jobs[0]}");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Cancel job" }).ClickAsync();
        await Select(agent, "Reason").ClickAsync();
        await agent.Locator(".mud-popover-open .mud-list-item", new() { HasText = Reason }).First.ClickAsync();
        await agent.GetByTestId("confirm-cancel").ClickAsync();
        await Assertions.Expect(agent.GetByTestId("cancellation-panel")).ToContainTextAsync("Nina Agent");
        await Assertions.Expect(agent.GetByTestId("cancellation-panel")).ToContainTextAsync(Reason);

        // The admin retires the reason (no type has it as its default, so no replacement is asked for).
        await admin.GotoAsync("/admin/configuration");
        await BrowserFixture.WaitForInteractiveAsync(admin);
        await admin.Locator("[data-testid=reason-PAY] [data-testid=retire]").ClickAsync();
        await Assertions.Expect(admin.Locator("[data-testid=reason-PAY]")).ToContainTextAsync("Retired");

        // Another job's Cancel dialog no longer offers it, nor does the API.
        await agent.GotoAsync($"/jobs/{jobs[1]}");
        await BrowserFixture.WaitForInteractiveAsync(agent);
        await agent.GetByRole(AriaRole.Button, new() { Name = "Cancel job" }).ClickAsync();
        await Select(agent, "Reason").ClickAsync();
        await Assertions.Expect(agent.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Regret" })).ToBeVisibleAsync();
        await Assertions.Expect(agent.Locator(".mud-popover-open .mud-list-item", new() { HasText = Reason })).ToHaveCountAsync(0);

        using var http = new HttpClient { BaseAddress = new Uri(new Uri(fixture.BaseUrl), "/crmapi/rest/v2/") };
        var token = await http.PostAsJsonAsync("authentication/token", new { username = NewAgent, password = NewPassword });
        var tokenText = JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement.GetProperty("data").GetProperty("token").GetString();
        var reasons = await http.GetStringAsync($"jobs/configuration/cancellation_reasons/list?job_type_identifier=alternative_code=INST&token={tokenText}");
        Assert.Contains("Regret", reasons, StringComparison.Ordinal);
        Assert.DoesNotContain(Reason, reasons, StringComparison.Ordinal);
    }
}
