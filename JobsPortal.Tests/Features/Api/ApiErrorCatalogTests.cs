using System.Reflection;
using System.Text.RegularExpressions;
using JobsPortal.Features.Api;
using JobsPortal.Features.Cancellation;
using Microsoft.AspNetCore.Http;

namespace JobsPortal.Tests.Features.Api;

public sealed partial class ApiErrorCatalogTests
{
    private static IEnumerable<string> Constants(Type type) => type.GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!);

    [Fact]
    public void Every_error_code_of_the_service_and_the_api_is_in_the_catalogue_once()
    {
        var codes = Constants(typeof(CancelErrorCodes)).Concat(Constants(typeof(ApiErrorCodes))).Concat(Constants(typeof(JobsPortal.Features.Lifecycle.LifecycleErrorCodes)))
            .Concat(Constants(typeof(ReopenErrorCodes)))
            .Where(c => c != ApiErrorCodes.Ok).Distinct().ToList();

        Assert.Equal(codes.Order(StringComparer.Ordinal), ApiErrorCatalog.All.Select(e => e.Code).Order(StringComparer.Ordinal));
        Assert.All(ApiErrorCatalog.All, e => Assert.False(string.IsNullOrWhiteSpace(e.Description)));
    }

    [Fact]
    public void The_api_reference_documents_every_error_code_with_its_http_status()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "JobsPortal.sln")))
        {
            directory = directory.Parent;
        }
        Assert.NotNull(directory);
        var reference = File.ReadAllText(Path.Combine(directory.FullName, "docs", "api.md"));

        var documented = TableRow().Matches(reference).ToDictionary(m => m.Groups["code"].Value, m => int.Parse(m.Groups["status"].Value, System.Globalization.CultureInfo.InvariantCulture));

        Assert.All(ApiErrorCatalog.All, e =>
        {
            Assert.True(documented.TryGetValue(e.Code, out var status), $"docs/api.md does not document {e.Code}");
            Assert.Equal(e.HttpStatus, status);
        });
    }

    [Fact]
    public void A_job_changed_at_the_same_moment_maps_to_409()
    {
        // The service's last-resort conflict cannot be staged over HTTP deterministically; its mapping can.
        var error = ApiError.From(CancelError.Conflict(CancelErrorCodes.JobChanged, "Job J1 was changed by someone else."));

        Assert.Equal(StatusCodes.Status409Conflict, error.HttpStatus);
        Assert.Equal(StatusCodes.Status409Conflict, ApiErrorCatalog.HttpStatusOf(CancelErrorCodes.JobChanged));
    }

    [GeneratedRegex(@"^\| `(?<code>[A-Z_]+)` \| (?<status>\d{3}) \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
