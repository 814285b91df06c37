using System.Globalization;
using System.Text;
using JobsPortal.Data.Entities;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace JobsPortal.Features.Jobs;

/// <summary>
/// The search page keeps its whole state in the URL, so a copied link opens the same view and the
/// browser's back and forward move between searches. This class writes a <see cref="JobSearchQuery"/>
/// as "jobs?..." and reads it back; defaults are left out, and what it cannot read it ignores.
/// </summary>
/// <remarks>
/// <c>state</c> repeats for several states (<c>jobs?state=PENDING&amp;state=DRAFT</c>, as the
/// overview page links); pages count from 1 in the URL and from 0 in the query.
/// </remarks>
public static class JobSearchUrl
{
    public const string Path = "jobs";

    private static readonly (JobSortColumn Column, string Name)[] SortNames =
    [
        (JobSortColumn.Number, "number"), (JobSortColumn.Description, "description"), (JobSortColumn.Type, "type"),
        (JobSortColumn.Status, "status"), (JobSortColumn.LifeCycleState, "state"), (JobSortColumn.AssignedTo, "assigned"),
        (JobSortColumn.ScheduledDate, "scheduled"), (JobSortColumn.ExpirationDate, "expiration"), (JobSortColumn.Created, "created"),
        (JobSortColumn.Updated, "updated"),
    ];

    /// <summary>Dates sort newest first at first; everything else A to Z.</summary>
    public static bool DefaultDescending(JobSortColumn column) => column == JobSortColumn.Created;

    public static string ToUrl(JobSearchQuery query)
    {
        var parts = new List<(string Key, string Value)>();
        if (!string.IsNullOrWhiteSpace(query.Text)) parts.Add(("q", query.Text.Trim()));
        parts.AddRange(query.States.Select(s => ("state", s.ToString())));
        if (query.CancellableOnly) parts.Add(("cancellable", "true"));
        if (query.TypeId is { } type) parts.Add(("type", Invariant(type)));
        if (query.Scope is { } scope) parts.Add(("scope", scope.ToString()));
        if (query.StatusId is { } status) parts.Add(("status", Invariant(status)));
        if (!string.IsNullOrEmpty(query.AssignedUserId)) parts.Add(("user", query.AssignedUserId));
        if (query.UnitId is { } unit) parts.Add(("unit", Invariant(unit)));
        AddDate(parts, "created-from", query.CreatedFrom);
        AddDate(parts, "created-to", query.CreatedTo);
        AddDate(parts, "scheduled-from", query.ScheduledFrom);
        AddDate(parts, "scheduled-to", query.ScheduledTo);
        if (query.Sort != JobSortColumn.Created) parts.Add(("sort", SortNames.First(s => s.Column == query.Sort).Name));
        if (query.Descending != DefaultDescending(query.Sort)) parts.Add(("dir", query.Descending ? "desc" : "asc"));
        if (query.Page > 0) parts.Add(("page", Invariant(query.Page + 1)));
        if (query.PageSize != JobSearchQuery.DefaultPageSize) parts.Add(("size", Invariant(query.PageSize)));

        if (parts.Count == 0)
        {
            return Path;
        }
        var url = new StringBuilder(Path).Append('?');
        for (var i = 0; i < parts.Count; i++)
        {
            url.Append(i == 0 ? "" : "&").Append(parts[i].Key).Append('=').Append(Uri.EscapeDataString(parts[i].Value));
        }
        return url.ToString();
    }

    /// <summary>Reads the query part of an absolute or relative URL.</summary>
    public static JobSearchQuery Parse(string url)
    {
        var at = url.IndexOf('?', StringComparison.Ordinal);
        var values = at < 0 ? [] : QueryHelpers.ParseQuery(url[at..].Split('#')[0]);
        string? One(string key) => values.TryGetValue(key, out var v) && !StringValues.IsNullOrEmpty(v) ? v[^1] : null;

        var sort = SortNames.Where(s => s.Name == One("sort")).Select(s => (JobSortColumn?)s.Column).FirstOrDefault() ?? JobSortColumn.Created;
        var size = Int(One("size")) ?? JobSearchQuery.DefaultPageSize;
        return new JobSearchQuery
        {
            Text = string.IsNullOrWhiteSpace(One("q")) ? null : One("q")!.Trim(),
            States = values.TryGetValue("state", out var states)
                ? [.. states.Select(s => Enum.TryParse<LifeCycleState>(s, ignoreCase: true, out var state) && Enum.IsDefined(state) ? (LifeCycleState?)state : null)
                    .OfType<LifeCycleState>()]
                : [],
            CancellableOnly = One("cancellable") is "true" or "1",
            TypeId = Int(One("type")),
            Scope = Enum.TryParse<FulfillmentScope>(One("scope"), ignoreCase: true, out var scope) && Enum.IsDefined(scope) ? scope : null,
            StatusId = Int(One("status")),
            AssignedUserId = One("user"),
            UnitId = Int(One("unit")),
            CreatedFrom = Date(One("created-from")),
            CreatedTo = Date(One("created-to")),
            ScheduledFrom = Date(One("scheduled-from")),
            ScheduledTo = Date(One("scheduled-to")),
            Sort = sort,
            Descending = One("dir") switch { "desc" => true, "asc" => false, _ => DefaultDescending(sort) },
            Page = Math.Max(0, (Int(One("page")) ?? 1) - 1),
            PageSize = JobSearchQuery.PageSizes.Contains(size) ? size : JobSearchQuery.DefaultPageSize,
        };
    }

    /// <summary>True for the search page's own address (with or without a query), not for a job's page under it.</summary>
    public static bool IsSearchUrl(string relativePath)
    {
        var path = relativePath.Split('?', '#')[0].Trim('/');
        return string.Equals(path, Path, StringComparison.OrdinalIgnoreCase);
    }

    private static void AddDate(List<(string, string)> parts, string key, DateOnly? date)
    {
        if (date is { } value)
        {
            parts.Add((key, value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static int? Int(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
