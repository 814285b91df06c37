using System.Globalization;
using JobsPortal.Shared;
using Microsoft.Net.Http.Headers;

namespace JobsPortal.Features.Review;

/// <summary>The review feature's services and its HTTP endpoint, each added by one line in the app's registrations.</summary>
public static class ReviewRegistration
{
    public static IServiceCollection AddReviewFeature(this IServiceCollection services)
    {
        services.AddScoped<CancellationQueryService>();
        services.AddScoped<CancellationReviewService>();
        return services;
    }

    public static IEndpointRouteBuilder MapReviewEndpoints(this IEndpointRouteBuilder app)
    {
        // The policy is on the endpoint itself: an agent who types the address gets the
        // not-allowed page, whatever the page's own links show.
        app.MapGet(AppRoutes.CancellationsExport, ExportAsync)
            .RequireAuthorization(Policies.Reviewer)
            .WithName("ExportCancellations");
        return app;
    }

    private static async Task ExportAsync(HttpContext http, CancellationQueryService queries, TimeProvider clock, CancellationToken ct)
    {
        // The dates are the days of the zone the page sent (its viewer's), UTC without one.
        string? Get(string key) => http.Request.Query[key].FirstOrDefault();
        var zone = ViewerClock.Find(Get(CancellationFilterQuery.TimeZone)) ?? TimeZoneInfo.Utc;
        var filter = CancellationFilterQuery.Parse(Get, ViewerDays.DayOf(clock.GetUtcNow().UtcDateTime, zone), zone);
        // The query runs, and its first row is read, before anything is sent: a failure is then an
        // error page with its status, not a file that stops after its header row.
        await using var rows = queries.StreamExportAsync(filter, ct).GetAsyncEnumerator(ct);
        var any = await rows.MoveNextAsync();
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = filter.ExportFileName,
        }.ToString();
        http.Response.Headers.CacheControl = "no-store";
        await CancellationCsv.WriteAsync(http.Response.Body, Remaining(rows, any), ct);
    }

    // The rows of an enumerator whose first row was already read (when there is one).
    private static async IAsyncEnumerable<T> Remaining<T>(IAsyncEnumerator<T> rows, bool hasCurrent)
    {
        if (!hasCurrent)
        {
            yield break;
        }
        do
        {
            yield return rows.Current;
        }
        while (await rows.MoveNextAsync());
    }
}
