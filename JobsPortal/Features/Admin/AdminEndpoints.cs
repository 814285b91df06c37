using JobsPortal.Shared;
using Microsoft.Net.Http.Headers;

namespace JobsPortal.Features.Admin;

/// <summary>The admin area's one HTTP endpoint: the audit as CSV, for admins only (the policy is on the endpoint itself).</summary>
public static class AdminEndpoints
{
    public const string AuditExport = "/admin/audit/export";

    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(AuditExport, ExportAsync).RequireAuthorization(Policies.Admin).WithName("ExportAdminAudit");
        return app;
    }

    private static async Task ExportAsync(HttpContext http, AuditQueries audit, TimeProvider clock, CancellationToken ct)
    {
        string? Query(string key) => http.Request.Query[key].FirstOrDefault() is { Length: > 0 } value ? value : null;
        var filter = new AuditFilter(Query("area"), Query("actor"), Query("q"), Formats.ParseDate(Query("from")), Formats.ParseDate(Query("to")))
        {
            // The page's link carries the viewer's zone, so the file holds the days the page showed.
            Zone = ViewerClock.Find(Query("tz")) ?? TimeZoneInfo.Utc,
        };
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = $"admin-audit_{Formats.DateText(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))}.csv",
        }.ToString();
        http.Response.Headers.CacheControl = "no-store";
        await audit.WriteCsvAsync(http.User, filter, http.Response.Body, ct);
    }
}
