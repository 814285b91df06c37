using System.Security.Claims;
using Bunit;
using JobsPortal.Components.Layout;
using JobsPortal.Components.Shared;
using JobsPortal.Data.Entities;
using JobsPortal.Shared;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace JobsPortal.Tests.Layout;

/// <summary>The layout only reads who is signed in: the tests share one seeded database.</summary>
public sealed class LayoutTests(SeededTemplate template) : IClassFixture<SeededTemplate>
{
    [Fact]
    public async Task App_bar_shows_the_signed_in_users_name_and_role()
    {
        await using var ctx = await AppTestContext.CreateAsync(template.Db, DemoPeople.Supervisor);

        var cut = ctx.Render<CascadingAuthenticationState>(p => p.AddChildContent<MainLayout>(l => l.Add(x => x.Body, (RenderFragment)(b => b.AddContent(0, "page body")))));

        Assert.Equal("Sara Khan", cut.Find("[data-testid=user-name]").TextContent);
        Assert.Contains("Supervisor", cut.Find("[data-testid=user-role]").TextContent, StringComparison.Ordinal);
        Assert.Contains("page body", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("true", cut.Find("[data-testid=render-mode]").GetAttribute("data-interactive"));
    }

    [Theory]
    [InlineData(Roles.Agent, false)]
    [InlineData(Roles.Supervisor, true)]
    [InlineData(Roles.Admin, true)]
    public async Task Navigation_offers_cancellations_only_to_reviewers(string role, bool expected)
    {
        await using var ctx = await AppTestContext.CreateAsync(template.Db, DemoPeople.WithRole(role));

        var cut = ctx.Render<CascadingAuthenticationState>(p => p.AddChildContent<NavMenu>());

        Assert.Contains(cut.FindAll("a"), a => a.GetAttribute("href") == "/jobs");
        Assert.Equal(expected, cut.FindAll("a").Any(a => a.GetAttribute("href") == "/cancellations"));
    }

    [Fact]
    public async Task Theme_toggle_switches_to_dark_and_stores_the_choice()
    {
        await using var ctx = await AppTestContext.CreateAsync(template.Db, DemoPeople.Agent);
        var setTheme = ctx.JSInterop.SetupVoid("jobsPortal.setTheme", "dark");
        var cut = ctx.Render<CascadingAuthenticationState>(p => p.AddChildContent<MainLayout>(l => l.Add(x => x.Body, (RenderFragment)(b => b.AddContent(0, "x")))));

        await cut.InvokeAsync(() => cut.Find("button[data-testid=theme-toggle]").Click());

        Assert.Single(setTheme.Invocations);
        cut.WaitForAssertion(() => Assert.Equal("Switch to light theme", cut.Find("button[data-testid=theme-toggle]").GetAttribute("aria-label")));
    }

    [Fact]
    public async Task A_person_who_chose_UTC_reads_every_time_in_UTC_and_switches_back_in_the_account_menu()
    {
        // This test writes the person's choice: its own copy of the database.
        await using var db = await template.CloneAsync();
        await using var ctx = await AppTestContext.CreateAsync(db, DemoPeople.Agent);
        ctx.Services.GetRequiredService<ViewerClock>().Use("Asia/Kolkata");
        var preferences = ctx.Services.GetRequiredService<UserPreferences>();
        var userId = ctx.User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        await preferences.SetAsync(userId, ViewerClock.PreferenceKey, ViewerClock.UtcPreference);
        var at = new DateTime(2026, 11, 2, 20, 15, 0, DateTimeKind.Utc);

        var cut = ctx.Render<CascadingAuthenticationState>(p => p.AddChildContent<MainLayout>(l => l.Add(x => x.Body, (RenderFragment)(b =>
        {
            b.OpenComponent<LocalTime>(0);
            b.AddComponentParameter(1, nameof(LocalTime.Utc), (DateTime?)at);
            b.CloseComponent();
            b.OpenComponent<ZoneHint>(2);
            b.CloseComponent();
        }))));

        cut.WaitForAssertion(() => Assert.Equal("2026-11-02 20:15", cut.Find("time.local-time").TextContent));
        Assert.Equal("Times in UTC", cut.Find("[data-testid=zone-hint]").TextContent.Trim());

        // One menu item, reached like the theme's: no tab stop per time on the page.
        await cut.InvokeAsync(() => cut.Find("[data-testid=user-menu] button").Click());
        var item = cut.WaitForElement("[data-testid=times-toggle]");
        Assert.Equal("true", item.GetAttribute("aria-checked"));
        await cut.InvokeAsync(() => item.Click());

        cut.WaitForAssertion(() => Assert.Equal("2026-11-03 01:45", cut.Find("time.local-time").TextContent));
        Assert.StartsWith("Times in Asia/Kolkata (UTC+05:30)", cut.Find("[data-testid=zone-hint]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(ViewerClock.ZonePreference, await preferences.GetAsync(userId, ViewerClock.PreferenceKey));
    }
}
