using System.Text.RegularExpressions;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.Playwright;

namespace JobsPortal.Tests.Security;

/// <summary>
/// The content security policy must not break what it protects: the sign-in page, the interactive
/// app (Blazor's script and websocket, MudBlazor's styles and popovers) and the API reference page
/// all work, and the browser reports no blocked script, style, connection or image.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_app_works_under_the_policy_with_nothing_blocked()
    {
        var page = await fixture.NewPageAsync();
        var violations = RecordViolations(page);

        await BrowserFixture.SignInAsync(page, "sara.khan@example.com", path: "/jobs");
        await Assertions.Expect(page.Locator("[data-testid=job-grid] tr.job-row").First).ToBeVisibleAsync();
        await page.GetByTestId("theme-toggle").ClickAsync();
        await Assertions.Expect(page.GetByTestId("theme-toggle")).ToHaveAttributeAsync("aria-label", "Switch to light theme");
        await page.GetByRole(AriaRole.Link, new() { Name = "Cancellations", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/cancellations"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Account of Sara Khan" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();

        Assert.Empty(violations);
    }

    [Fact]
    public async Task The_api_reference_page_renders_under_the_policy_with_nothing_blocked()
    {
        var page = await fixture.NewPageAsync();
        var violations = RecordViolations(page);

        await page.GotoAsync("/api-docs");

        await Assertions.Expect(page.GetByText("JobsPortal API (CRM.COM jobs methods)").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Get a token").First).ToBeVisibleAsync();
        Assert.Empty(violations);
    }

    /// <summary>Every "Refused to ..." the browser logs, and every securitypolicyviolation event, as it happens.</summary>
    private static List<string> RecordViolations(IPage page)
    {
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal) || message.Text.StartsWith("Refused to", StringComparison.Ordinal))
            {
                lock (violations)
                {
                    violations.Add(message.Text);
                }
            }
        };
        return violations;
    }
}
