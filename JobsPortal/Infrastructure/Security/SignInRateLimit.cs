using JobsPortal.Shared;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace JobsPortal.Infrastructure.Security;

/// <summary>The <c>JobsPortal:SignIn</c> settings: how many sign-in attempts one client address may make.</summary>
public sealed class SignInLimitOptions
{
    public const string Section = "JobsPortal:SignIn";

    /// <summary>Posts of the sign-in form one client address may make per window; more get 429.</summary>
    public int RequestsPerWindow { get; set; } = 20;

    public int WindowSeconds { get; set; } = 60;
}

/// <summary>
/// The sign-in form's rate limit, per client address, like the API token endpoint's. Only posts
/// count (showing the form is free). The lockout guards each account; this guards against one
/// address trying many accounts, and against the password-hash work being used to load the server.
/// Behind a reverse proxy the address is the real client's only when the proxy is configured
/// (<c>JobsPortal:ForwardedHeaders</c>); otherwise every client shares the proxy's limit.
/// </summary>
public sealed class SignInRateLimitPolicy(IOptions<SignInLimitOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "SignInForm";

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        if (!HttpMethods.IsPost(httpContext.Request.Method))
        {
            // "-" is no address, so a page view never shares a partition with a client's posts.
            return RateLimitPartition.GetNoLimiter("-");
        }
        var limits = options.Value;
        return RateLimitPartition.GetFixedWindowLimiter(httpContext.Connection.RemoteIpAddress?.ToString() ?? "", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.RequestsPerWindow,
            Window = TimeSpan.FromSeconds(limits.WindowSeconds),
            QueueLimit = 0,
        });
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (rejected, ct) =>
    {
        var response = rejected.HttpContext.Response;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : (int?)null;
        if (wait is { } seconds)
        {
            response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.ContentType = "text/html; charset=utf-8";
        var when = wait is { } s ? $"in {s} seconds" : "in a minute";
        await response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Too many sign-in attempts · JobsPortal</title></head>
            <body><h1>Too many sign-in attempts</h1>
            <p>Too many sign-in attempts came from your address. Try again {when}: <a href="{AppRoutes.Login}">sign in</a>.</p></body></html>
            """, ct);
    };
}
