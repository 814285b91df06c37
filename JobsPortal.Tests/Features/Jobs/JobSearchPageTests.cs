using AngleSharp.Dom;
using Bunit;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Jobs;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace JobsPortal.Tests.Features.Jobs;

public sealed class JobSearchPageTests(SearchFixture fixture) : IClassFixture<SearchFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static List<string> ShownNumbers(IRenderedComponent<JobSearch> page) =>
        [.. page.FindAll("tr.job-row a.job-link").Select(a => a.TextContent.Trim())];

    private async Task<List<string>> ExpectedNumbersAsync(JobSearchQuery query) =>
        [.. (await fixture.Service.SearchAsync(query)).Rows.Select(r => r.Number)];

    [Fact]
    public async Task Shows_the_search_the_url_describes_and_puts_changes_back_into_the_url()
    {
        var typeId = fixture.Jobs.First(j => j.State == LifeCycleState.COMPLETED).TypeId;
        var start = new JobSearchQuery
        {
            States = [LifeCycleState.COMPLETED], TypeId = typeId, Sort = JobSortColumn.Number, Descending = false, Page = 1, PageSize = 50,
        };
        var startUrl = SearchAddresses.Write(new TestNavigation(), start);
        await using var ctx = await AppTestContext.CreateAsync(fixture.Db, DemoPeople.Agent, startUrl);
        var nav = ctx.Services.GetRequiredService<NavigationManager>();
        var expectedStart = await ExpectedNumbersAsync(start);

        var page = ctx.RenderPage<JobSearch>();

        page.WaitForAssertion(() => Assert.Equal(expectedStart, ShownNumbers(page)), Wait);
        Assert.Equal("2", page.Find("[data-testid=job-grid]").GetAttribute("data-page"));
        Assert.Equal(start, SearchAddresses.Read(nav.Uri));
        Assert.Contains("mud-chip-selected", page.Find("[data-testid=state-option-COMPLETED]").ClassName, StringComparison.Ordinal);

        // A second state: both in the URL, back to the first page, same sort and page size.
        await page.InvokeAsync(() => page.Find("[data-testid=state-option-CANCELLED]").Click());
        var changed = start with { States = [LifeCycleState.COMPLETED, LifeCycleState.CANCELLED], Page = 0 };
        var expectedChanged = await ExpectedNumbersAsync(changed);
        page.WaitForAssertion(() => Assert.Equal(expectedChanged, ShownNumbers(page)), Wait);
        Assert.Equal(changed, SearchAddresses.Read(nav.Uri));
        Assert.Contains("state=COMPLETED&state=CANCELLED", nav.Uri, StringComparison.Ordinal);

        // Back: the browser restores the old URL, and the page follows it.
        await page.InvokeAsync(() => nav.NavigateTo(startUrl));
        page.WaitForAssertion(() => Assert.Equal(expectedStart, ShownNumbers(page)), Wait);
        Assert.Equal("2", page.Find("[data-testid=job-grid]").GetAttribute("data-page"));
        Assert.DoesNotContain("mud-chip-selected", page.Find("[data-testid=state-option-CANCELLED]").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_overview_link_for_a_state_shows_only_that_state()
    {
        await using var ctx = await AppTestContext.CreateAsync(fixture.Db, DemoPeople.Agent, "jobs?state=PENDING");
        var expected = await ExpectedNumbersAsync(new JobSearchQuery { States = [LifeCycleState.PENDING] });

        var page = ctx.RenderPage<JobSearch>();

        page.WaitForAssertion(() => Assert.Equal(expected, ShownNumbers(page)), Wait);
        Assert.All(page.FindAll("tr.job-row [data-testid=state-chip]"), chip => Assert.Equal("PENDING", chip.GetAttribute("data-state")));
        var total = fixture.Jobs.Count(j => j.State == LifeCycleState.PENDING);
        Assert.Equal($"{total:N0} jobs", page.Find("[data-testid=result-count]").TextContent.Trim());
    }

    [Fact]
    public async Task Clicking_a_column_header_sorts_and_records_the_sort_in_the_url()
    {
        await using var ctx = await AppTestContext.CreateAsync(fixture.Db, DemoPeople.Agent, "jobs");
        var nav = ctx.Services.GetRequiredService<NavigationManager>();
        var page = ctx.RenderPage<JobSearch>();
        page.WaitForAssertion(() => Assert.Equal(25, ShownNumbers(page).Count), Wait);

        var header = page.FindAll("th").First(th => th.TextContent.Contains("Number", StringComparison.Ordinal));
        await page.InvokeAsync(() => header.QuerySelector(".sortable-column-header")!.Click());

        var sorted = new JobSearchQuery { Sort = JobSortColumn.Number, Descending = false };
        var expected = await ExpectedNumbersAsync(sorted);
        page.WaitForAssertion(() => Assert.Equal(expected, ShownNumbers(page)), Wait);
        Assert.Equal(sorted, SearchAddresses.Read(nav.Uri));
    }

    [Fact]
    public async Task Nothing_matching_shows_an_empty_state_that_clears_the_filters()
    {
        await using var ctx = await AppTestContext.CreateAsync(fixture.Db, DemoPeople.Agent, "jobs?q=nosuchword&state=DRAFT");
        var nav = ctx.Services.GetRequiredService<NavigationManager>();

        var page = ctx.RenderPage<JobSearch>();

        page.WaitForAssertion(() => Assert.Contains("No jobs match", page.Find("[data-testid=empty-state]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal("0 jobs", page.Find("[data-testid=result-count]").TextContent.Trim());

        await page.InvokeAsync(() => page.Find("[data-testid=empty-clear-filters]").Click());

        page.WaitForAssertion(() => Assert.Equal(25, ShownNumbers(page).Count), Wait);
        Assert.Empty(page.FindAll("[data-testid=empty-state]"));
        Assert.Equal("http://localhost/jobs", nav.Uri);
        Assert.Equal("", page.Find("[data-testid=search-text]").GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task Clicking_a_row_opens_its_job()
    {
        await using var ctx = await AppTestContext.CreateAsync(fixture.Db, DemoPeople.Agent, "jobs");
        var nav = ctx.Services.GetRequiredService<NavigationManager>();
        var page = ctx.RenderPage<JobSearch>();
        page.WaitForAssertion(() => Assert.Equal(25, ShownNumbers(page).Count), Wait);
        var third = ShownNumbers(page)[2];

        await page.InvokeAsync(() => page.FindAll("tr.job-row")[2].Click());

        Assert.Equal($"http://localhost/jobs/{third}", nav.Uri);
    }

    [Fact]
    public async Task Typing_searches_after_a_pause_and_keeps_the_words_in_the_url()
    {
        var clock = new FakeTimeProvider();
        await using var ctx = await AppTestContext.CreateAsync(fixture.Db, DemoPeople.Agent, "jobs", services => services.AddSingleton<TimeProvider>(clock));
        var nav = ctx.Services.GetRequiredService<NavigationManager>();
        var page = ctx.RenderPage<JobSearch>();
        page.WaitForAssertion(() => Assert.Equal(25, ShownNumbers(page).Count), Wait);
        var everything = ShownNumbers(page);
        var expected = await ExpectedNumbersAsync(new JobSearchQuery { Text = "harbour" });

        await page.InvokeAsync(() => page.Find("input[data-testid=search-text]").Input("harbour"));
        clock.Advance(JobSearchState.DebounceDelay - TimeSpan.FromMilliseconds(1));

        Assert.Equal("http://localhost/jobs", nav.Uri);
        Assert.Equal(everything, ShownNumbers(page));

        clock.Advance(TimeSpan.FromMilliseconds(1));

        page.WaitForAssertion(() => Assert.Equal(expected, ShownNumbers(page)), Wait);
        Assert.Equal("http://localhost/jobs?q=harbour", nav.Uri);
    }

    [Fact]
    public async Task Back_across_a_header_click_restores_the_earlier_sort()
    {
        await using var ctx = await AppTestContext.CreateAsync(fixture.Db, DemoPeople.Agent, "jobs?state=PENDING");
        var nav = ctx.Services.GetRequiredService<NavigationManager>();
        var page = ctx.RenderPage<JobSearch>();
        var newest = await ExpectedNumbersAsync(new JobSearchQuery { States = [LifeCycleState.PENDING] });
        page.WaitForAssertion(() => Assert.Equal(newest, ShownNumbers(page)), Wait);

        var header = page.FindAll("th").First(th => th.TextContent.Contains("Number", StringComparison.Ordinal));
        await page.InvokeAsync(() => header.QuerySelector(".sortable-column-header")!.Click());
        var byNumber = await ExpectedNumbersAsync(new JobSearchQuery { States = [LifeCycleState.PENDING], Sort = JobSortColumn.Number, Descending = false });
        page.WaitForAssertion(() => Assert.Equal(byNumber, ShownNumbers(page)), Wait);
        Assert.Equal("http://localhost/jobs?state=PENDING&sort=number", nav.Uri);

        await page.InvokeAsync(() => nav.NavigateTo("jobs?state=PENDING"));

        page.WaitForAssertion(() => Assert.Equal(newest, ShownNumbers(page)), Wait);
        page.WaitForAssertion(() => Assert.Equal("jobs?state=PENDING", page.Find("[data-testid=job-grid]").GetAttribute("data-results-for")), Wait);
    }

    [Fact]
    public async Task A_link_with_values_that_cannot_be_read_opens_the_search_without_them()
    {
        await using var ctx = await AppTestContext.CreateAsync(fixture.Db, DemoPeople.Agent, "jobs?state=PENDING&type=abc&page=x&created-from=2026-13-40&size=7");
        var expected = await ExpectedNumbersAsync(new JobSearchQuery { States = [LifeCycleState.PENDING] });

        var page = ctx.RenderPage<JobSearch>();

        page.WaitForAssertion(() => Assert.Equal(expected, ShownNumbers(page)), Wait);
        Assert.Equal("1", page.Find("[data-testid=job-grid]").GetAttribute("data-page"));
    }

    [Fact]
    public async Task Enter_on_a_whole_job_number_opens_that_job()
    {
        await using var ctx = await AppTestContext.CreateAsync(fixture.Db, DemoPeople.Agent, "jobs");
        var nav = ctx.Services.GetRequiredService<NavigationManager>();
        var page = ctx.RenderPage<JobSearch>();
        var number = fixture.Jobs[10].Number;
        var input = page.Find("input[data-testid=search-text]");

        await page.InvokeAsync(() => input.Input(number.ToLowerInvariant()));
        await page.InvokeAsync(() => page.Find("input[data-testid=search-text]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter" }));

        Assert.Equal($"http://localhost/jobs/{number}", nav.Uri);
    }

    [Fact]
    public async Task A_capped_count_is_shown_as_a_floor()
    {
        await using var ctx = await AppTestContext.CreateAsync(fixture.Db, DemoPeople.Agent, "jobs", configure: services =>
            services.AddScoped(_ => new JobSearchService(fixture.Db.Factory) { CountCap = 100 }));

        var page = ctx.RenderPage<JobSearch>();

        page.WaitForAssertion(() => Assert.Equal("100+ jobs", page.Find("[data-testid=result-count]").TextContent.Trim()), Wait);
        Assert.Contains("of 100+", page.Find(".mud-table-pagination").TextContent, StringComparison.Ordinal);
    }

    private static string? AriaSort(IRenderedComponent<JobSearch> page, string title) =>
        page.FindAll("[data-testid=job-grid] thead th").Single(th => th.TextContent.Trim() == title).GetAttribute("aria-sort");

    [Fact]
    public async Task A_header_is_a_button_whose_column_tells_its_sort_and_a_second_click_turns_it_round()
    {
        await using var ctx = await AppTestContext.CreateAsync(fixture.Db, DemoPeople.Agent, "jobs");
        var nav = ctx.Services.GetRequiredService<NavigationManager>();
        var page = ctx.RenderPage<JobSearch>();
        page.WaitForAssertion(() => Assert.Equal(25, ShownNumbers(page).Count), Wait);
        Assert.Equal("descending", AriaSort(page, "Created"));
        Assert.Null(AriaSort(page, "Number"));
        Assert.Null(AriaSort(page, "Assigned to")); // not sortable: no button either
        Assert.Empty(page.FindAll("[data-testid=job-grid] thead th").Single(th => th.TextContent.Trim() == "Assigned to").QuerySelectorAll("button"));

        await page.InvokeAsync(() => page.FindAll("button.sortable-column-header").Single(b => b.TextContent.Trim() == "Number").Click());
        page.WaitForAssertion(() => Assert.Equal("ascending", AriaSort(page, "Number")), Wait);
        Assert.Null(AriaSort(page, "Created"));

        await page.InvokeAsync(() => page.FindAll("button.sortable-column-header").Single(b => b.TextContent.Trim() == "Number").Click());

        var descending = new JobSearchQuery { Sort = JobSortColumn.Number, Descending = true };
        var expected = await ExpectedNumbersAsync(descending);
        page.WaitForAssertion(() => Assert.Equal(expected, ShownNumbers(page)), Wait);
        Assert.Equal("descending", AriaSort(page, "Number"));
        Assert.Equal("http://localhost/jobs?sort=number&dir=desc", nav.Uri);
    }

    [Fact]
    public async Task The_page_size_select_shows_that_many_rows_from_the_first_page_and_keeps_it_in_the_url()
    {
        await using var ctx = await AppTestContext.CreateAsync(fixture.Db, DemoPeople.Agent, "jobs?page=3");
        var nav = ctx.Services.GetRequiredService<NavigationManager>();
        var page = ctx.RenderPage<JobSearch>();
        var third = await ExpectedNumbersAsync(new JobSearchQuery { Page = 2 });
        page.WaitForAssertion(() => Assert.Equal(third, ShownNumbers(page)), Wait);
        Assert.Equal("25", page.Find("[data-testid=page-size] option[selected]").TextContent);

        await page.InvokeAsync(() => page.Find("[data-testid=page-size]").Change("50"));

        var expected = await ExpectedNumbersAsync(new JobSearchQuery { PageSize = 50 });
        page.WaitForAssertion(() => Assert.Equal(expected, ShownNumbers(page)), Wait);
        Assert.Equal("http://localhost/jobs?size=50", nav.Uri);
        Assert.Equal("50", page.Find("[data-testid=page-size] option[selected]").TextContent);
        Assert.Equal("1", page.Find("[data-testid=job-grid]").GetAttribute("data-page"));
        Assert.Contains($"1-50 of {fixture.Jobs.Count:N0}", page.Find(".mud-table-pagination").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pager_buttons_move_between_pages_and_stop_at_the_ends()
    {
        await using var ctx = await AppTestContext.CreateAsync(fixture.Db, DemoPeople.Agent, "jobs?size=100");
        var nav = ctx.Services.GetRequiredService<NavigationManager>();
        var page = ctx.RenderPage<JobSearch>();
        page.WaitForAssertion(() => Assert.Equal(100, ShownNumbers(page).Count), Wait);
        Assert.True(page.Find("button[aria-label='Previous page']").HasAttribute("disabled"));

        await page.InvokeAsync(() => page.Find("button[aria-label='Last page']").Click());

        var last = (fixture.Jobs.Count - 1) / 100;
        var expected = await ExpectedNumbersAsync(new JobSearchQuery { PageSize = 100, Page = last });
        page.WaitForAssertion(() => Assert.Equal(expected, ShownNumbers(page)), Wait);
        Assert.Equal($"http://localhost/jobs?page={last + 1}&size=100", nav.Uri);
        Assert.True(page.Find("button[aria-label='Next page']").HasAttribute("disabled"));
        Assert.False(page.Find("button[aria-label='Previous page']").HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_link_to_a_page_past_the_end_says_so_and_goes_to_the_last_page()
    {
        await using var ctx = await AppTestContext.CreateAsync(fixture.Db, DemoPeople.Agent, "jobs?page=90&size=100");
        var nav = ctx.Services.GetRequiredService<NavigationManager>();
        var page = ctx.RenderPage<JobSearch>();
        page.WaitForAssertion(() => Assert.Contains("Page 90 is past the last page", page.Find("[data-testid=past-last-page]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Empty(ShownNumbers(page));

        await page.InvokeAsync(() => page.Find("[data-testid=past-last-page-go]").Click());

        var last = (fixture.Jobs.Count - 1) / 100;
        var expected = await ExpectedNumbersAsync(new JobSearchQuery { PageSize = 100, Page = last });
        page.WaitForAssertion(() => Assert.Equal(expected, ShownNumbers(page)), Wait);
        Assert.Equal($"http://localhost/jobs?page={last + 1}&size=100", nav.Uri);
        Assert.Empty(page.FindAll("[data-testid=past-last-page]"));
    }

    [Fact]
    public async Task A_tick_on_a_row_selects_its_job_and_the_row_shows_it_ticked()
    {
        await using var ctx = await AppTestContext.CreateAsync(fixture.Db, DemoPeople.Agent, "jobs");
        var page = ctx.RenderPage<JobSearch>();
        page.WaitForAssertion(() => Assert.Equal(25, ShownNumbers(page).Count), Wait);
        var third = ShownNumbers(page)[2];
        var nav = ctx.Services.GetRequiredService<NavigationManager>();

        await page.InvokeAsync(() => page.FindAll("tr.job-row")[2].QuerySelector("input[data-testid=select-row]")!.Change(true));

        page.WaitForAssertion(() => Assert.Equal("1 selected", page.Find("[data-testid=bulk-selected]").TextContent.Trim()), Wait);
        var box = page.FindAll("tr.job-row")[2].QuerySelector("input[data-testid=select-row]")!;
        Assert.True(box.HasAttribute("checked"));
        Assert.Equal($"Select {third}", box.GetAttribute("aria-label"));
        Assert.Contains("mud-checkbox-true", box.ParentElement!.ClassName, StringComparison.Ordinal);
        Assert.Single(page.FindAll("tr.job-row input[data-testid=select-row][checked]"));
        Assert.Equal("http://localhost/jobs", nav.Uri); // the tick did not open the row

        await page.InvokeAsync(() => page.Find("[data-testid=bulk-clear]").Click());

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("tr.job-row input[data-testid=select-row][checked]")), Wait);
    }

    [Fact]
    public async Task A_job_on_show_that_is_cancelled_elsewhere_turns_cancelled_in_the_list()
    {
        await using var db = await TestDatabase.CreateAsync(demoJobs: 60);
        await using var ctx = await AppTestContext.CreateAsync(db, DemoPeople.Agent, "jobs?sort=number");
        var page = ctx.RenderPage<JobSearch>();
        page.WaitForAssertion(() => Assert.Equal(25, ShownNumbers(page).Count), Wait);
        var row = page.FindAll("tr.job-row").First(r => r.QuerySelector("[data-testid=state-chip]")!.GetAttribute("data-state") is "PENDING" or "DRAFT");
        var number = row.QuerySelector("a.job-link")!.TextContent.Trim();
        string? StateOf() => page.FindAll("tr.job-row").Single(r => r.QuerySelector("a.job-link")!.TextContent.Trim() == number)
            .QuerySelector("[data-testid=state-chip]")!.GetAttribute("data-state");

        await using (var context = db.CreateContext())
        {
            var job = await context.Jobs.SingleAsync(j => j.Number == number);
            job.LifeCycleState = LifeCycleState.CANCELLED; // as a cancel elsewhere would leave it (the list only reads it)
            await context.SaveChangesAsync();
            await ctx.Services.GetRequiredService<JobsPortal.Shared.JobChangeNotifier>().PublishAsync(
                new JobsPortal.Shared.JobChanged(job.Id, number, JobsPortal.Shared.JobChangeKind.Cancelled, LifeCycleState.CANCELLED, "Tom", DateTime.UtcNow));
        }

        page.WaitForAssertion(() => Assert.Equal("CANCELLED", StateOf()), Wait);
    }
}
