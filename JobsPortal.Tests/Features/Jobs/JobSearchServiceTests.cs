using JobsPortal.Data.Entities;
using JobsPortal.Features.Jobs;
using Microsoft.EntityFrameworkCore;
using Expected = JobsPortal.Tests.Features.Jobs.SearchFixture.Expected;

namespace JobsPortal.Tests.Features.Jobs;

/// <summary>What the search finds: each filter, numbers and words. Order, pages and the count are in <see cref="JobSearchOrderTests"/>.</summary>
public abstract class JobSearchServiceTests(SearchFixture fixture)
{
    private async Task AssertFinds(JobSearchQuery query, Func<Expected, bool> predicate)
    {
        var expected = SearchFixture.NewestFirst(fixture.Jobs.Where(predicate));
        Assert.NotEmpty(expected);

        var page = await fixture.Service.SearchAsync(query with { PageSize = 100 });

        Assert.Equal(expected.Count, page.Total);
        Assert.False(page.TotalIsCapped);
        Assert.Equal(expected.Take(100), page.Rows.Select(r => r.Number));
    }

    [Fact]
    public async Task No_filter_finds_every_job_newest_first()
    {
        var page = await fixture.Service.SearchAsync(new JobSearchQuery());

        Assert.Equal(fixture.Jobs.Count, page.Total);
        Assert.Equal(SearchFixture.NewestFirst(fixture.Jobs).Take(25), page.Rows.Select(r => r.Number));
    }

    [Fact]
    public async Task Rows_carry_the_names_and_dates_of_their_job()
    {
        var page = await fixture.Service.SearchAsync(new JobSearchQuery { PageSize = 100 });

        foreach (var row in page.Rows)
        {
            var job = fixture.Jobs.Single(j => j.Id == row.Id);
            Assert.Equal(
                new JobSearchRow(job.Id, job.Number, job.Description, job.TypeName, job.StatusName, job.State, job.AssignedUserName,
                    row.AssignedUnitName, job.ScheduledDate, job.ExpirationDate, job.CreatedAt, job.UpdatedAt),
                row);
            Assert.Equal(job.UnitId is null, row.AssignedUnitName is null);
            Assert.Equal(DateTimeKind.Utc, row.CreatedAt.Kind);
        }
    }

    [Theory]
    [InlineData(LifeCycleState.DRAFT)]
    [InlineData(LifeCycleState.PENDING)]
    [InlineData(LifeCycleState.IN_PROGRESS)]
    [InlineData(LifeCycleState.COMPLETED)]
    [InlineData(LifeCycleState.CANCELLED)]
    public Task One_life_cycle_state_finds_only_its_jobs(LifeCycleState state) =>
        AssertFinds(new JobSearchQuery { States = [state] }, j => j.State == state);

    [Fact]
    public Task Several_life_cycle_states_find_jobs_in_any_of_them() =>
        AssertFinds(new JobSearchQuery { States = [LifeCycleState.CANCELLED, LifeCycleState.DRAFT] },
            j => j.State is LifeCycleState.CANCELLED or LifeCycleState.DRAFT);

    [Fact]
    public Task Can_be_cancelled_finds_draft_pending_and_in_progress_jobs() =>
        AssertFinds(new JobSearchQuery { CancellableOnly = true }, j => j.State.CanBeCancelled());

    [Fact]
    public Task Can_be_cancelled_narrows_the_chosen_states() =>
        AssertFinds(new JobSearchQuery { CancellableOnly = true, States = [LifeCycleState.PENDING, LifeCycleState.COMPLETED] },
            j => j.State == LifeCycleState.PENDING);

    [Fact]
    public async Task Can_be_cancelled_with_only_closed_states_finds_nothing()
    {
        var page = await fixture.Service.SearchAsync(new JobSearchQuery { CancellableOnly = true, States = [LifeCycleState.COMPLETED] });

        Assert.Equal(0, page.Total);
        Assert.Empty(page.Rows);
    }

    [Fact]
    public Task Job_type_finds_only_its_jobs()
    {
        var typeId = fixture.Jobs[0].TypeId;
        return AssertFinds(new JobSearchQuery { TypeId = typeId }, j => j.TypeId == typeId);
    }

    [Fact]
    public Task Fulfillment_scope_finds_jobs_of_every_type_with_that_scope()
    {
        var scope = fixture.Jobs[0].Scope;
        return AssertFinds(new JobSearchQuery { Scope = scope }, j => j.Scope == scope);
    }

    [Fact]
    public Task Status_finds_only_its_jobs()
    {
        var statusId = fixture.Jobs.First(j => j.State == LifeCycleState.CANCELLED).StatusId;
        return AssertFinds(new JobSearchQuery { StatusId = statusId }, j => j.StatusId == statusId);
    }

    [Fact]
    public Task Assigned_user_finds_only_their_jobs()
    {
        var userId = fixture.Jobs.First(j => j.AssignedUserId is not null).AssignedUserId;
        return AssertFinds(new JobSearchQuery { AssignedUserId = userId }, j => j.AssignedUserId == userId);
    }

    [Fact]
    public Task Unit_finds_only_jobs_assigned_to_it()
    {
        var unitId = fixture.Jobs.First(j => j.UnitId is not null).UnitId;
        return AssertFinds(new JobSearchQuery { UnitId = unitId }, j => j.UnitId == unitId);
    }

    [Fact]
    public Task Created_date_range_includes_both_whole_days()
    {
        var middle = fixture.Jobs.OrderBy(j => j.CreatedAt).ElementAt(fixture.Jobs.Count / 2).CreatedAt;
        var from = DateOnly.FromDateTime(middle.AddDays(-10));
        var to = DateOnly.FromDateTime(middle);
        return AssertFinds(new JobSearchQuery { CreatedFrom = from, CreatedTo = to },
            j => DateOnly.FromDateTime(j.CreatedAt) >= from && DateOnly.FromDateTime(j.CreatedAt) <= to);
    }

    [Fact]
    public Task Scheduled_date_range_includes_both_whole_days()
    {
        var from = DateOnly.FromDateTime(TestDatabaseNow().AddDays(-3));
        var to = DateOnly.FromDateTime(TestDatabaseNow().AddDays(4));
        return AssertFinds(new JobSearchQuery { ScheduledFrom = from, ScheduledTo = to },
            j => j.ScheduledDate is { } s && DateOnly.FromDateTime(s) >= from && DateOnly.FromDateTime(s) <= to);
    }

    [Fact]
    public Task A_date_range_open_at_one_end_is_bounded_at_the_other_only()
    {
        var from = DateOnly.FromDateTime(TestDatabaseNow().AddDays(-20));
        return AssertFinds(new JobSearchQuery { CreatedFrom = from }, j => DateOnly.FromDateTime(j.CreatedAt) >= from);
    }

    [Fact]
    public Task Filters_combine()
    {
        var sample = fixture.Jobs.First(j => j.AssignedUserId is not null && j.State == LifeCycleState.COMPLETED);
        return AssertFinds(
            new JobSearchQuery { TypeId = sample.TypeId, States = [LifeCycleState.COMPLETED], AssignedUserId = sample.AssignedUserId },
            j => j.TypeId == sample.TypeId && j.State == LifeCycleState.COMPLETED && j.AssignedUserId == sample.AssignedUserId);
    }

    [Fact]
    public async Task A_complete_job_number_finds_that_job_whatever_its_case()
    {
        var job = fixture.Jobs[fixture.Jobs.Count / 3];

        var page = await fixture.Service.SearchAsync(new JobSearchQuery { Text = " " + job.Number.ToLowerInvariant() + " " });

        Assert.Equal(job.Number, Assert.Single(page.Rows).Number);
        Assert.Equal(1, page.Total);
    }

    [Fact]
    public Task A_job_number_prefix_finds_every_number_that_starts_so() =>
        AssertFinds(new JobSearchQuery { Text = "J0000010" }, j => j.Number.StartsWith("J0000010", StringComparison.Ordinal));

    [Fact]
    public Task An_account_number_prefix_finds_the_accounts_that_start_so()
    {
        var prefix = fixture.Jobs[5].AccountNumber![..7];
        return AssertFinds(new JobSearchQuery { Text = prefix.ToLowerInvariant() },
            j => j.AccountNumber is not null && j.AccountNumber.StartsWith(prefix, StringComparison.Ordinal));
    }

    [Fact]
    public Task The_start_of_an_account_number_from_three_characters_finds_its_accounts()
    {
        // The demo's accounts are ACR and six digits below 400000: "ACR0" starts a quarter of them.
        var prefix = fixture.Jobs[5].AccountNumber![..4];
        return AssertFinds(new JobSearchQuery { Text = prefix },
            j => j.AccountNumber is not null && j.AccountNumber.StartsWith(prefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_account_start_past_the_count_cap_gives_the_same_pages()
    {
        // Past the cap the service reads in the sort's order and tests the account on each job.
        var prefix = fixture.Jobs[5].AccountNumber![..4];
        var expected = SearchFixture.NewestFirst(fixture.Jobs.Where(j => j.AccountNumber?.StartsWith(prefix, StringComparison.Ordinal) == true));
        var service = new JobSearchService(fixture.Db.Factory) { CountCap = 10 };

        var second = await service.SearchAsync(new JobSearchQuery { Text = prefix, Page = 1 });

        Assert.True(second.TotalIsCapped);
        Assert.Equal(expected.Skip(25).Take(25), second.Rows.Select(r => r.Number));
    }

    [Fact]
    public Task An_account_number_finds_its_jobs()
    {
        var account = fixture.Jobs[7].AccountNumber!;
        return AssertFinds(new JobSearchQuery { Text = account }, j => j.AccountNumber == account);
    }

    private static DateTime TestDatabaseNow() => TestInfrastructure.TestDatabase.DefaultNow.UtcDateTime;
}

/// <summary>What the search finds on SQLite and on PostgreSQL: one body, two databases.</summary>
public sealed class SqliteJobSearchServiceTests(SearchFixture fixture) : JobSearchServiceTests(fixture), IClassFixture<SearchFixture>;

public sealed class PostgreSqlJobSearchServiceTests(PostgreSqlSearchFixture fixture) : JobSearchServiceTests(fixture), IClassFixture<PostgreSqlSearchFixture>;
