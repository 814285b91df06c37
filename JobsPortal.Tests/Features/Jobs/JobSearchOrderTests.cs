using JobsPortal.Features.Jobs;
using Microsoft.EntityFrameworkCore;
using Expected = JobsPortal.Tests.Features.Jobs.SearchFixture.Expected;

namespace JobsPortal.Tests.Features.Jobs;

/// <summary>How the search orders, pages and counts what it finds, and the choices its filters offer.</summary>
public sealed class JobSearchOrderTests(SearchFixture fixture) : IClassFixture<SearchFixture>
{
    private static readonly StringComparer Ordinal = StringComparer.Ordinal;

    // Type and status: by name, then by creation in the same direction (the order their indexes keep).
    private static readonly Comparer<(string Name, DateTime Created)> NameThenCreated = Comparer<(string Name, DateTime Created)>.Create(
        (a, b) => Ordinal.Compare(a.Name, b.Name) is var byName and not 0 ? byName : a.Created.CompareTo(b.Created));

    [Fact]
    public async Task The_count_stops_at_the_cap_and_says_so()
    {
        var service = new JobSearchService(fixture.Db.Factory) { CountCap = 100 };

        var page = await service.SearchAsync(new JobSearchQuery());

        Assert.Equal(100, page.Total);
        Assert.True(page.TotalIsCapped);
        Assert.Equal(SearchFixture.NewestFirst(fixture.Jobs).Take(25), page.Rows.Select(r => r.Number));
    }

    public static TheoryData<JobSortColumn, bool> Sorts()
    {
        var data = new TheoryData<JobSortColumn, bool>();
        foreach (var column in Enum.GetValues<JobSortColumn>())
        {
            data.Add(column, false);
            data.Add(column, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task Every_offered_sort_works_both_ways_with_ties_broken_by_id(JobSortColumn column, bool descending)
    {
        var ordered = column switch
        {
            JobSortColumn.Number => Order(j => j.Number, descending, Ordinal),
            JobSortColumn.Description => Order(j => j.Description, descending, Ordinal),
            JobSortColumn.Type => Order(j => (j.TypeName, j.CreatedAt), descending, NameThenCreated),
            JobSortColumn.Status => Order(j => (j.StatusName, j.CreatedAt), descending, NameThenCreated),
            JobSortColumn.LifeCycleState => Order(j => (int)j.State, descending),
            JobSortColumn.ScheduledDate => Order(j => j.ScheduledDate, descending),
            JobSortColumn.ExpirationDate => Order(j => j.ExpirationDate, descending),
            JobSortColumn.Created => Order(j => j.CreatedAt, descending),
            JobSortColumn.Updated => Order(j => j.UpdatedAt, descending),
            _ => throw new ArgumentOutOfRangeException(nameof(column)),
        };
        var expected = ordered.Select(j => j.Number).ToList();

        var first = await fixture.Service.SearchAsync(new JobSearchQuery { Sort = column, Descending = descending, PageSize = 50 });
        var fourth = await fixture.Service.SearchAsync(new JobSearchQuery { Sort = column, Descending = descending, PageSize = 50, Page = 3 });

        Assert.Equal(expected.Take(50), first.Rows.Select(r => r.Number));
        Assert.Equal(expected.Skip(150).Take(50), fourth.Rows.Select(r => r.Number));
    }

    private IEnumerable<Expected> Order<TKey>(Func<Expected, TKey> key, bool descending, IComparer<TKey>? comparer = null) =>
        descending
            ? fixture.Jobs.OrderByDescending(key, comparer).ThenByDescending(j => j.Id)
            : fixture.Jobs.OrderBy(key, comparer).ThenBy(j => j.Id);

    [Fact]
    public async Task Pages_follow_each_other_without_gaps_or_repeats()
    {
        var expected = SearchFixture.NewestFirst(fixture.Jobs);
        var seen = new List<string>();
        for (var page = 0; page < 3; page++)
        {
            var result = await fixture.Service.SearchAsync(new JobSearchQuery { Page = page, PageSize = 100 });
            seen.AddRange(result.Rows.Select(r => r.Number));
        }

        Assert.Equal(expected.Take(300), seen);
    }

    [Fact]
    public async Task The_last_page_holds_the_remainder()
    {
        var total = fixture.Jobs.Count;
        var lastPage = (total - 1) / 50;

        var page = await fixture.Service.SearchAsync(new JobSearchQuery { Page = lastPage, PageSize = 50 });

        Assert.Equal(total - (lastPage * 50), page.Rows.Count);
        Assert.Equal(SearchFixture.NewestFirst(fixture.Jobs).Skip(lastPage * 50), page.Rows.Select(r => r.Number));
    }

    [Fact]
    public async Task A_page_size_outside_the_choices_falls_back_to_the_default()
    {
        var page = await fixture.Service.SearchAsync(new JobSearchQuery { PageSize = 5000 });

        Assert.Equal(JobSearchQuery.DefaultPageSize, page.Rows.Count);
    }

    [Fact]
    public async Task A_cancelled_search_stops_with_the_token()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fixture.Service.SearchAsync(new JobSearchQuery(), cancelled.Token));
    }

    [Fact]
    public async Task Options_list_the_types_statuses_people_and_units()
    {
        var options = await fixture.Service.GetOptionsAsync();
        await using var db = fixture.Db.CreateContext();

        Assert.Equal(await db.JobTypes.CountAsync(), options.Types.Count);
        Assert.Equal(await db.JobStatuses.CountAsync(), options.Statuses.Count);
        Assert.Equal(await db.Users.CountAsync(), options.Users.Count);
        Assert.Equal(await db.Units.CountAsync(), options.Units.Count);
        Assert.Contains(options.Users, u => u.Label == "Maria Lopez");
        Assert.Contains(options.Units, u => u.Label == "Field Operations / North Field Team");
        Assert.Equal(options.Types.Select(t => t.Label).Order(Ordinal), options.Types.Select(t => t.Label));
    }
}
