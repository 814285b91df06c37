using JobsPortal.Data.Entities;
using JobsPortal.Shared;

namespace JobsPortal.Features.Jobs;

/// <summary>
/// The columns the job search can sort by; each maps to one typed ORDER BY in <see cref="JobSearchService"/>
/// that an index serves. Not the person a job is assigned to: the name is in another table, reached
/// by a LEFT JOIN that SQLite cannot drive from the users' side, so over a million jobs that sort
/// read and sorted them all (2 s); filter by the person instead.
/// </summary>
public enum JobSortColumn
{
    Number,
    Description,
    Type,
    Status,
    LifeCycleState,
    ScheduledDate,
    ExpirationDate,
    Created,
    Updated,
}

/// <summary>
/// Each sort key with its name in the search's address: the one place a name becomes a typed sort,
/// so no column name is ever parsed into one.
/// </summary>
public static class JobSortColumns
{
    private static readonly (JobSortColumn Column, string Name)[] All =
    [
        (JobSortColumn.Number, "number"),
        (JobSortColumn.Description, "description"),
        (JobSortColumn.Type, "type"),
        (JobSortColumn.Status, "status"),
        (JobSortColumn.LifeCycleState, "state"),
        (JobSortColumn.ScheduledDate, "scheduled"),
        (JobSortColumn.ExpirationDate, "expiration"),
        (JobSortColumn.Created, "created"),
        (JobSortColumn.Updated, "updated"),
    ];

    /// <summary>Dates sort newest first at first; everything else A to Z.</summary>
    public static bool DefaultDescending(JobSortColumn column) => column == JobSortColumn.Created;

    /// <summary>The sort's name in the address: <c>jobs?sort=scheduled</c>.</summary>
    public static string NameOf(JobSortColumn column) => All.First(s => s.Column == column).Name;

    public static JobSortColumn? FromName(string? name) =>
        All.Where(s => s.Name == name).Select(s => (JobSortColumn?)s.Column).FirstOrDefault();
}

/// <summary>
/// Everything that decides one page of the job search: the filters, the sort and the page. The
/// search page keeps it in its address (<see cref="JobSearchAddress"/>); the service turns it into one query.
/// </summary>
public sealed record JobSearchQuery
{
    public const int DefaultPageSize = 25;
    public static readonly IReadOnlyList<int> PageSizes = [25, 50, 100];

    /// <summary>The search box holds at most this many characters; an address with more is cut there.</summary>
    public const int TextMaxLength = 200;

    /// <summary>
    /// The last page (zero-based) that a page size reaches: the pages stop where the count does
    /// (<see cref="JobSearchService.DefaultCountCap"/>), so no address makes the database skip millions of rows.
    /// </summary>
    public static int LastPage(int pageSize) => JobSearchService.DefaultCountCap / pageSize - 1;

    /// <summary>The search box's text as a search: trimmed, null when blank, cut at <see cref="TextMaxLength"/> characters.</summary>
    public static string? NormalizedText(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : VisibleText.Truncate(text.Trim(), TextMaxLength).Trim();

    private readonly IReadOnlyList<LifeCycleState> _states = [];

    /// <summary>The search box: a job number (exact or prefix), words of the description, or an account number.</summary>
    public string? Text { get; init; }

    /// <summary>Any of these life cycle states; none means every state.</summary>
    public IReadOnlyList<LifeCycleState> States
    {
        get => _states;
        init => _states = [.. value.Distinct().Order()];
    }

    public int? TypeId { get; init; }
    public FulfillmentScope? Scope { get; init; }
    public int? StatusId { get; init; }
    public string? AssignedUserId { get; init; }
    public int? UnitId { get; init; }

    /// <summary>Created on or after this day (a day of <see cref="DayZone"/>).</summary>
    public DateOnly? CreatedFrom { get; init; }

    /// <summary>Created on or before this day (a day of <see cref="DayZone"/>), the whole day included.</summary>
    public DateOnly? CreatedTo { get; init; }

    public DateOnly? ScheduledFrom { get; init; }
    public DateOnly? ScheduledTo { get; init; }

    /// <summary>
    /// The zone whose days the date filters name: the viewer's (the page's state sets it from
    /// <see cref="ViewerClock"/>), UTC otherwise. Not part of the search's identity or its address: the
    /// same link means the same days on each viewer's own clock.
    /// </summary>
    public TimeZoneInfo DayZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Only jobs that can still be cancelled: draft, pending or in progress.</summary>
    public bool CancellableOnly { get; init; }

    public JobSortColumn Sort { get; init; } = JobSortColumn.Created;
    public bool Descending { get; init; } = true;

    /// <summary>Zero-based.</summary>
    public int Page { get; init; }

    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>True when any filter is set (sort and paging aside).</summary>
    public bool HasFilters => this.WithoutPaging() != Empty.WithoutPaging();

    public static JobSearchQuery Empty { get; } = new();

    /// <summary>The same filters, back on the first page with the default sort and page size.</summary>
    public JobSearchQuery WithoutPaging() => this with { Sort = JobSortColumn.Created, Descending = true, Page = 0, PageSize = DefaultPageSize };

    public bool Equals(JobSearchQuery? other) =>
        other is not null
        && Text == other.Text && States.SequenceEqual(other.States) && TypeId == other.TypeId && Scope == other.Scope
        && StatusId == other.StatusId && AssignedUserId == other.AssignedUserId && UnitId == other.UnitId
        && CreatedFrom == other.CreatedFrom && CreatedTo == other.CreatedTo
        && ScheduledFrom == other.ScheduledFrom && ScheduledTo == other.ScheduledTo && CancellableOnly == other.CancellableOnly
        && Sort == other.Sort && Descending == other.Descending && Page == other.Page && PageSize == other.PageSize;

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Text);
        foreach (var state in States)
        {
            hash.Add(state);
        }
        hash.Add(TypeId);
        hash.Add(Scope);
        hash.Add(StatusId);
        hash.Add(AssignedUserId);
        hash.Add(UnitId);
        hash.Add(CreatedFrom);
        hash.Add(CreatedTo);
        hash.Add(ScheduledFrom);
        hash.Add(ScheduledTo);
        hash.Add(CancellableOnly);
        hash.Add(Sort);
        hash.Add(Descending);
        hash.Add(Page);
        hash.Add(PageSize);
        return hash.ToHashCode();
    }
}

/// <summary>One row of the search grid: only what the grid shows.</summary>
public sealed record JobSearchRow(
    int Id,
    string Number,
    string Description,
    string TypeName,
    string StatusName,
    LifeCycleState LifeCycleState,
    string? AssignedUserName,
    string? AssignedUnitName,
    DateTime? ScheduledDate,
    DateTime? ExpirationDate,
    DateTime CreatedAt,
    DateTime UpdatedAt);

/// <summary>
/// One page of results and how many jobs matched. The count stops at <see cref="JobSearchService.CountCap"/>:
/// past it, <see cref="TotalIsCapped"/> is true and <see cref="Total"/> is the cap (shown as "10,000+").
/// </summary>
public sealed record JobSearchPage(IReadOnlyList<JobSearchRow> Rows, int Total, bool TotalIsCapped);

/// <summary>The choices the search page offers in its filters.</summary>
public sealed record JobSearchOptions(
    IReadOnlyList<JobSearchOption<int>> Types,
    IReadOnlyList<JobSearchOption<int>> Statuses,
    IReadOnlyList<JobSearchOption<string>> Users,
    IReadOnlyList<JobSearchOption<int>> Units)
{
    public static JobSearchOptions None { get; } = new([], [], [], []);
}

public sealed record JobSearchOption<T>(T Value, string Label);
