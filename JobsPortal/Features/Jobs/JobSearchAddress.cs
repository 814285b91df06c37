using System.Globalization;
using JobsPortal.Data.Entities;
using JobsPortal.Shared;

namespace JobsPortal.Features.Jobs;

/// <summary>
/// The search page keeps its whole state in its address, so a copied link opens the same view and the
/// browser's back and forward move between searches. This is that address as the page receives it
/// through <c>[SupplyParameterFromQuery]</c>, one text per parameter, read into a <see cref="JobSearchQuery"/>;
/// and the way back, the parameters for <c>NavigationManager.GetUriWithQueryParameters</c>, defaults left out.
/// </summary>
/// <remarks>
/// Values arrive as text and are read here rather than bound to <c>int</c> or <c>DateOnly</c> by the
/// framework: its typed binding throws on a value it cannot parse, and a hand-edited or stale link
/// should open the search without that filter, not fail. <c>state</c> repeats for several states
/// (<c>jobs?state=PENDING&amp;state=DRAFT</c>, as the overview page links); pages count from 1 in the
/// address and from 0 in the query.
/// </remarks>
public sealed record JobSearchAddress
{
    /// <summary>The query parameter names; the page's <c>[SupplyParameterFromQuery]</c> properties use the same.</summary>
    public static class Keys
    {
        public const string Text = "q";
        public const string State = "state";
        public const string Cancellable = "cancellable";
        public const string Type = "type";
        public const string Scope = "scope";
        public const string Status = "status";
        public const string User = "user";
        public const string Unit = "unit";
        public const string CreatedFrom = "created-from";
        public const string CreatedTo = "created-to";
        public const string ScheduledFrom = "scheduled-from";
        public const string ScheduledTo = "scheduled-to";
        public const string Sort = "sort";
        public const string Direction = "dir";
        public const string Page = "page";
        public const string Size = "size";
    }

    // A user id is a GUID; anything much longer is not one.
    private const int MaxIdLength = 64;

    public string? Text { get; init; }
    public IReadOnlyList<string>? States { get; init; }
    public string? Cancellable { get; init; }
    public string? Type { get; init; }
    public string? Scope { get; init; }
    public string? Status { get; init; }
    public string? User { get; init; }
    public string? Unit { get; init; }
    public string? CreatedFrom { get; init; }
    public string? CreatedTo { get; init; }
    public string? ScheduledFrom { get; init; }
    public string? ScheduledTo { get; init; }
    public string? Sort { get; init; }
    public string? Direction { get; init; }
    public string? Page { get; init; }
    public string? Size { get; init; }

    /// <summary>What the address asks for; what cannot be read is left at its default.</summary>
    public JobSearchQuery ToQuery()
    {
        var sort = JobSortColumns.FromName(Sort) ?? JobSortColumn.Created;
        var size = Int(Size) ?? JobSearchQuery.DefaultPageSize;
        size = JobSearchQuery.PageSizes.Contains(size) ? size : JobSearchQuery.DefaultPageSize;
        return new JobSearchQuery
        {
            Text = JobSearchQuery.NormalizedText(Text),
            States = [.. (States ?? []).Select(Named<LifeCycleState>).OfType<LifeCycleState>()],
            CancellableOnly = Cancellable is "true" or "1",
            TypeId = Int(Type),
            Scope = Named<FulfillmentScope>(Scope),
            StatusId = Int(Status),
            AssignedUserId = string.IsNullOrEmpty(User) || User.Length > MaxIdLength ? null : User,
            UnitId = Int(Unit),
            CreatedFrom = Formats.ParseDate(CreatedFrom),
            CreatedTo = Formats.ParseDate(CreatedTo),
            ScheduledFrom = Formats.ParseDate(ScheduledFrom),
            ScheduledTo = Formats.ParseDate(ScheduledTo),
            Sort = sort,
            Descending = Direction switch { "desc" => true, "asc" => false, _ => JobSortColumns.DefaultDescending(sort) },
            Page = Math.Clamp((Int(Page) ?? 1) - 1, 0, JobSearchQuery.LastPage(size)),
            PageSize = size,
        };
    }

    /// <summary>
    /// The query as parameters for <c>GetUriWithQueryParameters</c>, in the order the address lists them;
    /// a default is null, which leaves the parameter out.
    /// </summary>
    public static IReadOnlyDictionary<string, object?> ParametersOf(JobSearchQuery query) =>
        new OrderedDictionary<string, object?>
        {
            [Keys.Text] = string.IsNullOrWhiteSpace(query.Text) ? null : query.Text.Trim(),
            [Keys.State] = query.States.Select(s => s.ToString()).ToArray(),
            [Keys.Cancellable] = query.CancellableOnly ? "true" : null,
            [Keys.Type] = query.TypeId,
            [Keys.Scope] = query.Scope?.ToString(),
            [Keys.Status] = query.StatusId,
            [Keys.User] = string.IsNullOrEmpty(query.AssignedUserId) ? null : query.AssignedUserId,
            [Keys.Unit] = query.UnitId,
            [Keys.CreatedFrom] = DateText(query.CreatedFrom),
            [Keys.CreatedTo] = DateText(query.CreatedTo),
            [Keys.ScheduledFrom] = DateText(query.ScheduledFrom),
            [Keys.ScheduledTo] = DateText(query.ScheduledTo),
            [Keys.Sort] = query.Sort == JobSortColumn.Created ? null : JobSortColumns.NameOf(query.Sort),
            [Keys.Direction] = query.Descending == JobSortColumns.DefaultDescending(query.Sort) ? null : query.Descending ? "desc" : "asc",
            [Keys.Page] = query.Page > 0 ? query.Page + 1 : null,
            [Keys.Size] = query.PageSize == JobSearchQuery.DefaultPageSize ? null : query.PageSize,
        };

    /// <summary>True for the search page's own address (with or without a query), not for a job's page under it.</summary>
    public static bool IsSearchPage(string baseRelativePath)
    {
        var path = baseRelativePath.Split('?', '#')[0].Trim('/');
        return string.Equals(path, AppRoutes.Jobs.Trim('/'), StringComparison.OrdinalIgnoreCase);
    }

    private static string? DateText(DateOnly? date) => date is { } value ? Formats.DateText(value) : null;

    private static int? Int(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>The member of <typeparamref name="TEnum"/> with this name (any case); numbers are not names.</summary>
    private static TEnum? Named<TEnum>(string? name) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Where(v => string.Equals(v.ToString(), name, StringComparison.OrdinalIgnoreCase))
            .Select(v => (TEnum?)v).FirstOrDefault();
}
