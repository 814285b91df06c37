using JobsPortal.Tests.TestInfrastructure;
using Microsoft.Playwright;

namespace JobsPortal.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SignInBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Demo_agent_signs_in_sees_the_shell_and_signs_out()
    {
        var page = await fixture.NewPageAsync();

        await BrowserFixture.SignInAsync(page, "maria.lopez@example.com");

        await Assertions.Expect(page.GetByTestId("user-name")).ToHaveTextAsync("Maria Lopez");
        await Assertions.Expect(page.GetByTestId("user-role")).ToContainTextAsync("Agent");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Jobs", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Cancellations" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Account of Maria Lopez" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Sign out" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
    }

    [Fact]
    public async Task Wrong_password_shows_an_error_on_the_sign_in_page()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByLabel("Email").FillAsync("tom.becker@example.com");
        await page.GetByLabel("Password").FillAsync("nope");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("login-error")).ToContainTextAsync("not right");
    }

    [Fact]
    public async Task Supervisor_sees_cancellations_in_the_navigation_and_theme_choice_is_kept()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "sara.khan@example.com");

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Cancellations", Exact = true })).ToBeVisibleAsync();
        await page.GetByTestId("theme-toggle").ClickAsync();
        await Assertions.Expect(page.GetByTestId("theme-toggle")).ToHaveAttributeAsync("aria-label", "Switch to light theme");

        await page.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("theme-toggle")).ToHaveAttributeAsync("aria-label", "Switch to light theme");
    }
}
