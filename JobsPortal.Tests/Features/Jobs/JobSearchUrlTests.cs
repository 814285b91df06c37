using JobsPortal.Data.Entities;
using JobsPortal.Features.Jobs;

namespace JobsPortal.Tests.Features.Jobs;

public sealed class JobSearchUrlTests
{
    [Fact]
    public void The_default_search_is_the_bare_address()
    {
        Assert.Equal("jobs", JobSearchUrl.ToUrl(new JobSearchQuery()));
        Assert.Equal(new JobSearchQuery(), JobSearchUrl.Parse("http://localhost/jobs"));
    }

    [Fact]
    public void Every_part_of_a_search_survives_the_round_trip()
    {
        var query = new JobSearchQuery
        {
            Text = "harbour & road", States = [LifeCycleState.CANCELLED, LifeCycleState.DRAFT], CancellableOnly = true, TypeId = 3,
            Scope = FulfillmentScope.NEW_SUBSCRIPTION, StatusId = 7, AssignedUserId = "a1b2-c3", UnitId = 2,
            CreatedFrom = new DateOnly(2026, 1, 2), CreatedTo = new DateOnly(2026, 2, 3),
            ScheduledFrom = new DateOnly(2026, 3, 4), ScheduledTo = new DateOnly(2026, 4, 5),
            Sort = JobSortColumn.ScheduledDate, Descending = true, Page = 4, PageSize = 100,
        };

        var url = JobSearchUrl.ToUrl(query);

        Assert.Equal(
            "jobs?q=harbour%20%26%20road&state=DRAFT&state=CANCELLED&cancellable=true&type=3&scope=NEW_SUBSCRIPTION&status=7&user=a1b2-c3&unit=2"
            + "&created-from=2026-01-02&created-to=2026-02-03&scheduled-from=2026-03-04&scheduled-to=2026-04-05&sort=scheduled&dir=desc&page=5&size=100",
            url);
        Assert.Equal(query, JobSearchUrl.Parse("http://localhost/" + url));
    }

    [Theory]
    [InlineData(JobSortColumn.Created, true, "jobs")]
    [InlineData(JobSortColumn.Created, false, "jobs?dir=asc")]
    [InlineData(JobSortColumn.Number, false, "jobs?sort=number")]
    [InlineData(JobSortColumn.Number, true, "jobs?sort=number&dir=desc")]
    public void The_direction_is_written_only_when_it_is_not_the_columns_usual_one(JobSortColumn sort, bool descending, string expected)
    {
        var query = new JobSearchQuery { Sort = sort, Descending = descending };

        Assert.Equal(expected, JobSearchUrl.ToUrl(query));
        Assert.Equal(query, JobSearchUrl.Parse(expected));
    }

    [Fact]
    public void The_overview_links_by_state_and_several_states_repeat_the_key()
    {
        Assert.Equal([LifeCycleState.PENDING], JobSearchUrl.Parse("/jobs?state=PENDING").States);
        Assert.Equal([LifeCycleState.PENDING, LifeCycleState.IN_PROGRESS], JobSearchUrl.Parse("/jobs?state=in_progress&state=PENDING").States);
    }

    [Fact]
    public void What_cannot_be_read_is_ignored()
    {
        var query = JobSearchUrl.Parse("/jobs?state=NOPE&state=9&type=abc&scope=42&page=-3&size=7&sort=colour&dir=up&created-from=2026-13-40&cancellable=maybe");

        Assert.Equal(new JobSearchQuery(), query);
    }

    [Theory]
    [InlineData("jobs", true)]
    [InlineData("jobs?state=DRAFT", true)]
    [InlineData("Jobs/", true)]
    [InlineData("jobs/J00000001", false)]
    [InlineData("", false)]
    public void Only_the_search_address_counts_as_the_search(string path, bool expected) =>
        Assert.Equal(expected, JobSearchUrl.IsSearchUrl(path));
}

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("J00000418", "J00000418", true)]
    [InlineData(" j0000 ", "J0000", false)]
    [InlineData("J1", "J1", false)]
    public void A_job_number_or_its_start_is_a_number(string text, string prefix, bool complete)
    {
        var parsed = SearchText.Parse(text);

        Assert.Equal(prefix, parsed.NumberPrefix);
        Assert.Equal(complete, parsed.NumberIsComplete);
        Assert.Null(parsed.FtsQuery);
    }

    [Theory]
    [InlineData("acr000123", "ACR000123")]
    [InlineData("ACR0001", "ACR0001")]
    public void Letters_then_digits_are_an_account_number(string text, string prefix) =>
        Assert.Equal(prefix, SearchText.Parse(text).AccountPrefix);

    [Theory]
    [InlineData("Harbour Road", "\"harbour\" \"road\"")]
    [InlineData("  o'Brien ", "\"o\" \"brien\"")]
    [InlineData("\"NEAR(x* OR y)", "\"near\" \"x\" \"or\" \"y\"")]
    [InlineData("57 Elm elm", "\"57\" \"elm\"")]
    public void Anything_else_is_whole_words_quoted_for_the_index(string text, string fts) =>
        Assert.Equal(fts, SearchText.Parse(text).FtsQuery);

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("-- ,")]
    public void Blank_or_punctuation_is_no_search(string? text) => Assert.True(SearchText.Parse(text).IsEmpty);

    [Fact]
    public void Only_a_whole_number_opens_a_job()
    {
        Assert.True(SearchText.IsCompleteJobNumber("j00000042", out var number));
        Assert.Equal("J00000042", number);
        Assert.False(SearchText.IsCompleteJobNumber("J0000004", out _));
        Assert.False(SearchText.IsCompleteJobNumber("harbour", out _));
    }
}
