using Bunit;
using JobsPortal.Components.Shared;
using JobsPortal.Data.Entities;
using JobsPortal.Shared;
using JobsPortal.Tests.Features.Review;
using JobsPortal.Tests.TestInfrastructure;
using JobsPortal.Features.Jobs;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Tests.Shared;

/// <summary>A person's remembered choices, and the column chooser that keeps its grid's hidden columns in them.</summary>
public sealed class UserPreferencesTests(SeededTemplate template) : IClassFixture<SeededTemplate>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private static readonly IReadOnlyList<ColumnChoice> Columns = [new("type", "Type"), new("status", "Status"), new("note", "Note")];

    [Fact]
    public async Task A_choice_is_kept_per_person_and_replaced_not_added()
    {
        await using var db = await template.CloneAsync();
        var preferences = db.Service<UserPreferences>();
        var maria = await db.UserIdAsync(DemoPeople.Agent);
        var tom = await db.UserIdAsync(DemoPeople.OtherAgent);

        await preferences.SetAsync(maria, "jobs.hidden-columns", "type");
        await preferences.SetAsync(maria, "jobs.hidden-columns", "status,type");
        await preferences.SetAsync(tom, "jobs.hidden-columns", "note");

        Assert.Equal("status,type", await preferences.GetAsync(maria, "jobs.hidden-columns"));
        Assert.Equal("note", await preferences.GetAsync(tom, "jobs.hidden-columns"));
        Assert.Null(await preferences.GetAsync(maria, "cancellations.hidden-columns"));
        await using var context = db.CreateContext();
        Assert.Equal(2, await context.UserPreferences.CountAsync());
    }

    [Fact]
    public async Task A_value_too_long_is_refused_and_changes_nothing()
    {
        await using var db = await template.CloneAsync();
        var preferences = db.Service<UserPreferences>();
        var maria = await db.UserIdAsync(DemoPeople.Agent);
        await preferences.SetAsync(maria, "jobs.hidden-columns", "type");

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            preferences.SetAsync(maria, "jobs.hidden-columns", new string('x', UserPreference.ValueMaxLength + 1)));

        Assert.Equal("type", await preferences.GetAsync(maria, "jobs.hidden-columns"));
    }

    [Fact]
    public void Stored_keys_the_grid_no_longer_offers_are_dropped()
    {
        Assert.Equal(["note", "type"], HiddenColumns.Parse("type, gone,,note", Columns).Order());
        Assert.Empty(HiddenColumns.Parse(null, Columns));
        Assert.Equal("note,type", HiddenColumns.Write(["type", "note"]));
    }

    [Fact]
    public async Task The_chooser_hides_a_column_and_the_next_visit_starts_without_it()
    {
        await using var db = await template.CloneAsync();

        await using (var first = await AppTestContext.CreateAsync(db, DemoPeople.Agent, "jobs"))
        {
            // The chooser's menu opens in the popover provider, beside the page.
            var root = first.RenderWithProviders<JobSearch>();
            var page = root.FindComponent<JobSearch>();
            page.WaitForAssertion(() => Assert.Contains("Status", Headers(page)), Wait);
            page.Find("[data-testid=column-chooser] button").Click();
            root.WaitForAssertion(() => Assert.Equal("true", root.Find("[data-testid=column-status]").GetAttribute("data-shown")), Wait);
            root.Find("[data-testid=column-status]").Click();
            page.WaitForAssertion(() => Assert.DoesNotContain("Status", Headers(page)), Wait);
            Assert.Contains("Number", Headers(page));
            root.WaitForAssertion(() => Assert.Equal("false", root.Find("[data-testid=column-status]").GetAttribute("data-shown")), Wait);
        }

        // Another visit (another browser keeps nothing of the first) starts from what the server kept.
        await using (var second = await AppTestContext.CreateAsync(db, DemoPeople.Agent, "jobs"))
        {
            var page = second.RenderPage<JobSearch>();
            page.WaitForAssertion(() => Assert.Contains("Type", Headers(page)), Wait);
            page.WaitForAssertion(() => Assert.DoesNotContain("Status", Headers(page)), Wait);
        }

        // Someone else's grid is their own.
        await using var tom = await AppTestContext.CreateAsync(db, DemoPeople.OtherAgent, "jobs");
        var toms = tom.RenderPage<JobSearch>();
        toms.WaitForAssertion(() => Assert.Contains("Status", Headers(toms)), Wait);
    }

    private static List<string> Headers(IRenderedComponent<JobSearch> page) =>
        [.. page.FindAll("[data-testid=job-grid] thead th").Select(th => th.TextContent.Trim()).Where(t => t.Length > 0)];
}
