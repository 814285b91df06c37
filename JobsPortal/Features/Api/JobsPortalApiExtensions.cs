using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using JobsPortal.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace JobsPortal.Features.Api;

public sealed class ApiOptions
{
    public const string Section = "JobsPortal:Api";

    /// <summary>Token requests one client address may make per window before it gets 429 RATE_LIMITED.</summary>
    public int TokenRequestsPerWindow { get; set; } = 10;

    public int TokenWindowSeconds { get; set; } = 60;
}

/// <summary>
/// The HTTP API's registrations and routes: CRM.COM's methods under <c>/crmapi/rest/v2/</c>, their
/// token scheme and policy, the token endpoint's rate limit, the OpenAPI document at
/// <c>/openapi/v1.json</c> and the reference page at <c>/api-docs</c> (Scalar, served from the package: works offline).
/// </summary>
public static class JobsPortalApiExtensions
{
    public const string BasePath = "/crmapi/rest/v2";
    public const string TokenRateLimitPolicy = "CrmApiToken";
    public const string DocsPath = "/api-docs";

    public static IServiceCollection AddJobsPortalApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ApiOptions>(configuration.GetSection(ApiOptions.Section));
        services.AddScoped<ApiTokenIssuer>();
        services.AddScoped<ApiJobQueries>();
        services.AddSingleton<ApiAccountCheck>();
        services.AddSingleton<ApiTicketCache>();

        services.AddAuthentication()
            // The Identity bearer token: its options and data protector make and read the API's tokens.
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(2))
            .AddScheme<ApiTokenAuthenticationOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);

        services.AddRateLimiter(o =>
        {
            o.AddPolicy(TokenRateLimitPolicy, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress ?? IPAddress.None, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.TokenRequestsPerWindow,
                    Window = TimeSpan.FromSeconds(limits.TokenWindowSeconds),
                    QueueLimit = 0,
                });
            });
            o.OnRejected = (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : (int?)null;
                if (retryAfter is { } seconds)
                {
                    rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                }
                return new ValueTask(ApiResult.WriteErrorAsync(rejected.HttpContext, ApiError.Of(ApiErrorCodes.RateLimited,
                    "Too many token requests from this address" + (retryAfter is { } s ? $"; try again in {s} seconds." : "; try again later."))));
            };
        });

        services.AddOpenApi(o =>
        {
            o.ShouldInclude = description => description.RelativePath?.StartsWith(BasePath[1..], StringComparison.Ordinal) == true;
            o.AddDocumentTransformer<ApiDocumentTransformer>();
            o.AddSchemaTransformer<ApiIdentifierSchemaTransformer>();
        });
        return services;
    }

    public static WebApplication MapJobsPortalApi(this WebApplication app)
    {
        var api = app.MapGroup(BasePath).WithTags("CRM.COM jobs API");
        api.MapPost("authentication/token", ApiEndpoints.TokenAsync)
            .AllowAnonymous()
            .RequireRateLimiting(TokenRateLimitPolicy)
            .WithName("authentication/token")
            .WithSummary("Get a token")
            .WithDescription("Exchanges a username (the sign-in email) and password for a token that expires two hours after issue. " +
                             "Failed attempts count toward the account's lockout (5 in a row lock it for 15 minutes). Rate limited per client address.")
            .WithJsonBody<ApiTokenRequest>()
            .Produces<ApiEnvelope<ApiToken>>()
            .ProducesErrors(400, 401, 403, 429);

        // The portal's Staff policy, authenticated by the API's token scheme only: a signed-in browser's
        // cookie does not authorize API calls, and an unauthenticated call gets 401 with the envelope,
        // not a redirect to the sign-in page.
        var staff = api.MapGroup("").RequireAuthorization(
            new AuthorizeAttribute(Policies.Staff) { AuthenticationSchemes = ApiTokenAuthenticationHandler.SchemeName });
        staff.MapPost("jobs/all_scopes/cancel", ApiEndpoints.CancelAsync)
            .WithName("jobs/all_scopes/cancel")
            .WithSummary("Cancel a job")
            .WithDescription("Cancels a job of any fulfillment scope that is not already completed or cancelled, through the same rules as the " +
                             "portal's Cancel dialog; recorded with channel API. Returns the job. `note` is a JobsPortal extension (at most 500 characters).")
            .WithJsonBody<ApiCancelRequest>()
            .RequiresToken()
            .Produces<ApiEnvelope<ApiJob>>()
            .ProducesErrors(400, 401, 403, 404, 409);
        staff.MapLifecycleMethods();
        staff.MapReopenMethod();
        staff.MapGet("jobs/all_scopes/show", ApiEndpoints.ShowAsync)
            .WithName("jobs/all_scopes/show")
            .WithSummary("Show a job")
            .RequiresToken()
            .WithQueryParameters(ApiEndpoints.ShowParameters)
            .Produces<ApiEnvelope<ApiJob>>()
            .ProducesErrors(400, 401, 403, 404);
        staff.MapGet("jobs/all_scopes/list", ApiEndpoints.ListAsync)
            .WithName("jobs/all_scopes/list")
            .WithSummary("List jobs, newest first")
            .RequiresToken()
            .WithQueryParameters(ApiEndpoints.ListParameters)
            .Produces<ApiEnvelope<List<ApiJob>>>()
            .ProducesErrors(400, 401, 403, 404);
        staff.MapGet("jobs/configuration/statuses/list", ApiEndpoints.StatusesAsync)
            .WithName("jobs/configuration/statuses/list")
            .WithSummary("List the statuses a job type allows")
            .WithDescription("`default` marks the type's default status on start (IN_PROGRESS), on complete (COMPLETED) and on cancel (CANCELLED).")
            .RequiresToken()
            .WithQueryParameters(ApiEndpoints.StatusesParameters)
            .Produces<ApiEnvelope<List<ApiStatusRow>>>()
            .ProducesErrors(400, 401, 403, 404);
        staff.MapGet("jobs/configuration/cancellation_reasons/list", ApiEndpoints.ReasonsAsync)
            .WithName("jobs/configuration/cancellation_reasons/list")
            .WithSummary("List the cancellation reasons a job type allows")
            .WithDescription("Retired reasons are left out; `default` marks the reason used when a cancel gives none.")
            .RequiresToken()
            .WithQueryParameters(ApiEndpoints.ReasonsParameters)
            .Produces<ApiEnvelope<List<ApiReasonRow>>>()
            .ProducesErrors(400, 401, 403, 404);

        // Anything else under the API's path: the envelope, not the portal's HTML not-found page.
        api.Map("{**path}", ApiEndpoints.MethodNotFound).AllowAnonymous().ExcludeFromDescription();

        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference(DocsPath, o =>
            {
                o.HeadContent = ApiDocsAccessibility.HeadContent;
                o.WithTitle("JobsPortal API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .DisableDefaultFonts() // they would come from a CDN; the page must work offline
                .AddPreferredSecuritySchemes("Bearer")
                // Nothing that calls out to Scalar's services: no telemetry, AI agent, MCP or developer tools.
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .HideDeveloperTools()
                .WithCustomCss(ApiDocsAccessibility.Css);
            })
            .AllowAnonymous();
        return app;
    }
}
