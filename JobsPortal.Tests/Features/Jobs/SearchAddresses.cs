using JobsPortal.Features.Jobs;
using JobsPortal.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;

namespace JobsPortal.Tests.Features.Jobs;

/// <summary>The search's addresses for tests, read and written the way the page does through the framework.</summary>
public static class SearchAddresses
{
    /// <summary>
    /// Reads an address as <c>[SupplyParameterFromQuery]</c> hands it to the page: names in any case,
    /// the last of a repeated single value, every value of <c>state</c>.
    /// </summary>
    public static JobSearchAddress Parse(string url)
    {
        var at = url.IndexOf('?', StringComparison.Ordinal);
        var values = at < 0 ? [] : QueryHelpers.ParseQuery(url[at..].Split('#')[0]);
        string? One(string key) => values.TryGetValue(key, out var v) && v.Count > 0 ? v[^1] : null;
        return new JobSearchAddress
        {
            Text = One(JobSearchAddress.Keys.Text),
            States = values.TryGetValue(JobSearchAddress.Keys.State, out var states) ? [.. states.OfType<string>()] : null,
            Cancellable = One(JobSearchAddress.Keys.Cancellable),
            Type = One(JobSearchAddress.Keys.Type),
            Scope = One(JobSearchAddress.Keys.Scope),
            Status = One(JobSearchAddress.Keys.Status),
            User = One(JobSearchAddress.Keys.User),
            Unit = One(JobSearchAddress.Keys.Unit),
            CreatedFrom = One(JobSearchAddress.Keys.CreatedFrom),
            CreatedTo = One(JobSearchAddress.Keys.CreatedTo),
            ScheduledFrom = One(JobSearchAddress.Keys.ScheduledFrom),
            ScheduledTo = One(JobSearchAddress.Keys.ScheduledTo),
            Sort = One(JobSearchAddress.Keys.Sort),
            Direction = One(JobSearchAddress.Keys.Direction),
            Page = One(JobSearchAddress.Keys.Page),
            Size = One(JobSearchAddress.Keys.Size),
        };
    }

    public static JobSearchQuery Read(string url) => Parse(url).ToQuery();

    /// <summary>The address the page writes for a search.</summary>
    public static string Write(NavigationManager navigation, JobSearchQuery query) =>
        navigation.GetUriWithQueryParameters(AppRoutes.Jobs, JobSearchAddress.ParametersOf(query));
}

/// <summary>A browser tab's address and history, for the search's state without a renderer.</summary>
public sealed class TestNavigation : NavigationManager
{
    public TestNavigation(string relativeUrl = "jobs") => Initialize("http://localhost/", "http://localhost/" + relativeUrl);

    /// <summary>Every address navigated to, relative to the base, oldest first.</summary>
    public List<string> History { get; } = [];

    protected override void NavigateToCore(string uri, NavigationOptions options)
    {
        Uri = ToAbsoluteUri(uri).AbsoluteUri;
        History.Add(ToBaseRelativePath(Uri));
        NotifyLocationChanged(isInterceptedLink: false);
    }
}
