using Bunit;
using JobsPortal.Components.Layout;
using JobsPortal.Data.Entities;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

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
}
