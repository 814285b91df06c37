using System.Text;
using JobsPortal.Shared;

namespace JobsPortal.Features.Import;

/// <summary>The import feature's services, background worker and downloads, each added by one line in the app's registrations.</summary>
public static class ImportRegistration
{
    public const string Page = "/admin/import";
    public const string TemplatePath = "/admin/import/template.csv";
    public const string XlsxTemplatePath = "/admin/import/template.xlsx";

    public static string ErrorsPath(int runId) => $"/admin/import/{runId}/errors.csv";

    public static IServiceCollection AddImportFeature(this IServiceCollection services)
    {
        services.AddOptions<ImportOptions>();
        services.AddSingleton<ImportQueue>();
        services.AddScoped<ImportService>();
        services.AddScoped<ImportProcessor>();
        return services;
    }

    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(TemplatePath, () => Results.File(ImportColumns.Template(), "text/csv; charset=utf-8", "jobs-import-template.csv"))
            .RequireAuthorization(Policies.Admin);
        app.MapGet(XlsxTemplatePath, () => Results.File(ImportColumns.XlsxTemplateFile(),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "jobs-import-template.xlsx"))
            .RequireAuthorization(Policies.Admin);
        app.MapGet("/admin/import/{runId:int}/errors.csv", async (int runId, ImportService imports, CancellationToken ct) =>
                await imports.ErrorsCsvAsync(runId, ct) is { } csv
                    ? Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", $"import-{runId}-errors.csv")
                    : Results.NotFound())
            .RequireAuthorization(Policies.Admin);
        return app;
    }
}
