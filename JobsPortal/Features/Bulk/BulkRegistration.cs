using System.Globalization;
using JobsPortal.Shared;

namespace JobsPortal.Features.Bulk;

/// <summary>The bulk cancel's services, background worker and result download, each added by one line in the app's registrations.</summary>
public static class BulkRegistration
{
    public const string RunsPage = "/bulk-runs";

    public static string RunPage(int runId) => $"{RunsPage}/{runId.ToString(CultureInfo.InvariantCulture)}";

    public static string ResultCsv(int runId) => $"{RunPage(runId)}/result.csv";

    public static IServiceCollection AddBulkFeature(this IServiceCollection services)
    {
        services.AddSingleton<BulkRunQueue>();
        services.AddSingleton<BulkRunFeed>();
        services.AddScoped<BulkCancelService>();
        services.AddScoped<BulkRunProcessor>();
        return services;
    }

    public static IEndpointRouteBuilder MapBulkEndpoints(this IEndpointRouteBuilder app)
    {
        // The service answers only the run's owner, or a supervisor or admin: anyone else gets a 404, as for a run that does not exist.
        app.MapGet(RunsPage + "/{runId:int}/result.csv", async (int runId, HttpContext http, BulkCancelService bulk, CancellationToken ct) =>
            {
                if (await bulk.GetAsync(runId, http.User, ct) is not { } run)
                {
                    return Results.NotFound();
                }
                return Results.Stream(stream => BulkRunCsv.WriteAsync(stream, run, ct), "text/csv; charset=utf-8", BulkRunCsv.FileName(runId));
            })
            .RequireAuthorization(Policies.Staff);
        return app;
    }
}
