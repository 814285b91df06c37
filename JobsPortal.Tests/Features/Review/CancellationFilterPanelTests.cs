using Bunit;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Review;
using Microsoft.AspNetCore.Components;
using JobsPortal.Tests.TestInfrastructure;

namespace JobsPortal.Tests.Features.Review;

/// <summary>The filter panel alone, over an empty database: only the filter it proposes to the page.</summary>
public sealed class CancellationFilterPanelTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static readonly DateOnly Today = new(2026, 11, 2);

    private static readonly CancellationFilterOptions Options = new(
        [new(1, "Customer unreachable"), new(2, "Duplicate job")],
        [new(5, "Installation")],
        [new("u-1", "Tom Becker")],
        [new(7, "North desk")]);

    private Task<AppTestContext> ContextAsync() => AppTestContext.CreateAsync(_db, TestActors.Principal("supervisor", Roles.Supervisor));

    /// <summary>The panel beside the popover provider its select lists open in; every proposed filter lands in <paramref name="proposed"/>.</summary>
    private static IRenderedComponent<IComponent> Render(AppTestContext ctx, CancellationFilter filter, List<CancellationFilter> proposed) =>
        ctx.RenderWithProviders<CancellationFilterPanel>(
            (nameof(CancellationFilterPanel.Filter), filter),
            (nameof(CancellationFilterPanel.Options), Options),
            (nameof(CancellationFilterPanel.Today), Today),
            (nameof(CancellationFilterPanel.FilterChanged), EventCallback.Factory.Create<CancellationFilter>(new object(), proposed.Add)));

    private static async Task ChooseAsync(IRenderedComponent<IComponent> cut, string testId, string option)
    {
        await cut.InvokeAsync(() => cut.Find($"[data-testid={testId}] .mud-input-control .mud-input-slot").MouseDown());
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".mud-popover-open .mud-list-item")));
        var item = cut.FindAll(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Trim() == option);
        await cut.InvokeAsync(() => item.Click());
    }

    public static TheoryData<string, string, CancellationFilter> Choices => new()
    {
        { "filter-left", "Some left with the customer", CancellationFilter.Default(Today) with { ProvidedItemsLeft = true } },
        { "filter-left", "None left", CancellationFilter.Default(Today) with { ProvidedItemsLeft = false } },
        { "filter-channel", "API", CancellationFilter.Default(Today) with { Channel = CancellationChannel.API } },
        { "filter-review", "All", CancellationFilter.Default(Today) with { ReviewState = null } },
        { "filter-review", "Flagged", CancellationFilter.Default(Today) with { ReviewState = ReviewState.Flagged } },
        { "filter-type", "Installation", CancellationFilter.Default(Today) with { JobTypeId = 5 } },
        { "filter-by", "Tom Becker", CancellationFilter.Default(Today) with { CancelledByUserId = "u-1" } },
        { "filter-unit", "North desk", CancellationFilter.Default(Today) with { UnitId = 7 } },
        { "filter-reason", "Duplicate job", CancellationFilter.Default(Today) with { ReasonId = 2 } },
    };

    [Theory]
    [MemberData(nameof(Choices))]
    public async Task Each_choice_proposes_the_filter_with_that_value(string testId, string option, CancellationFilter expected)
    {
        await using var ctx = await ContextAsync();
        var proposed = new List<CancellationFilter>();
        var cut = Render(ctx, CancellationFilter.Default(Today), proposed);

        await ChooseAsync(cut, testId, option);

        cut.WaitForAssertion(() => Assert.Equal([expected], proposed));
    }

    [Fact]
    public async Task Quick_ranges_keep_the_other_filters_and_reset_goes_back_to_the_queue()
    {
        await using var ctx = await ContextAsync();
        var proposed = new List<CancellationFilter>();
        var narrowed = CancellationFilter.Default(Today) with { ReasonId = 1, ReviewState = null, From = new DateOnly(2026, 1, 1) };
        var cut = Render(ctx, narrowed, proposed);

        await cut.InvokeAsync(() => cut.FindAll("button").Single(b => b.TextContent.Trim() == "Last 7 days").Click());
        await cut.InvokeAsync(() => cut.Find("[data-testid=filter-reset]").Click());

        Assert.Equal(
            [narrowed with { From = new DateOnly(2026, 10, 27), To = Today }, CancellationFilter.Default(Today)],
            proposed);
    }

    [Fact]
    public async Task The_boxes_show_the_values_as_the_address_writes_them()
    {
        await using var ctx = await ContextAsync();
        var cut = Render(ctx, CancellationFilter.Default(Today) with { ProvidedItemsLeft = false, Channel = CancellationChannel.PORTAL, ReviewState = null }, []);

        string Shown(string testId) => cut.Find($"[data-testid={testId}] input").GetAttribute("value") ?? "";

        Assert.Equal(("no", "PORTAL", "all"), (Shown("filter-left"), Shown("filter-channel"), Shown("filter-review")));
    }
}
