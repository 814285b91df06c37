using System.Net;
using JobsPortal.Features.Api;
using JobsPortal.Features.Cancellation;
using JobsPortal.Tests.Features.Api;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace JobsPortal.Tests.Security;

/// <summary>
/// An app whose job reads and cancels fail with an exception that carries a secret, in Development (where the
/// exception page would show it). The cancel answers from what the cancel itself read, so it is the
/// cancellation service that fails for it, not the API's job reads.
/// </summary>
public sealed class FailingApiAppFactory : ApiAppFactory
{
    public const string Secret = "secret-connection-detail-4711";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddScoped<ApiJobQueries>(_ => throw new InvalidOperationException($"Database at {Secret} is gone"));
            services.AddScoped<CancellationService>(_ => throw new InvalidOperationException($"Database at {Secret} is gone"));
        });
    }
}

/// <summary>An unexpected failure on the API answers the envelope with INTERNAL_ERROR and 500, and nothing of the exception.</summary>
public sealed class HostileApiFailureTests(FailingApiAppFactory factory) : IClassFixture<FailingApiAppFactory>
{
    [Theory]
    [InlineData("GET", "jobs/all_scopes/show?job_identifier=number=J00000001")]
    [InlineData("GET", "jobs/all_scopes/list")]
    [InlineData("POST", "jobs/all_scopes/cancel")]
    public async Task An_exception_is_answered_with_internal_error_and_no_details(string method, string path)
    {
        var api = factory.Api();
        var token = await api.TokenAsync();

        var response = method == "GET"
            ? await api.GetAsync(path, token)
            : await api.PostAsync(path, new { job_identifier = new { number = "J99999999" } }, token);

        ApiAssert.Error(response, ApiErrorCodes.InternalError, HttpStatusCode.InternalServerError);
        var body = response.Root.GetRawText();
        Assert.DoesNotContain(FailingApiAppFactory.Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }
}
