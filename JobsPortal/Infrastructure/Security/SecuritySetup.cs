using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Scalar.AspNetCore;

namespace JobsPortal.Infrastructure.Security;

/// <summary>
/// The <c>JobsPortal:ForwardedHeaders</c> settings: the reverse proxies whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> the app believes. With none, the headers are ignored and the client
/// address is the connection's.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "JobsPortal:ForwardedHeaders";

    /// <summary>The proxies' own addresses, e.g. <c>["10.0.0.5"]</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of proxies in CIDR form, e.g. <c>["10.0.0.0/24"]</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    public bool Any => KnownProxies.Length > 0 || KnownNetworks.Length > 0;
}

/// <summary>What the app does against hostile clients, registered and put in the pipeline in one place.</summary>
public static class SecuritySetup
{
    public static IServiceCollection AddJobsPortalSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SignInLimitOptions>(configuration.GetSection(SignInLimitOptions.Section));
        services.AddRateLimiter(o => o.AddPolicy<string, SignInRateLimitPolicy>(SignInRateLimitPolicy.Name));

        var proxies = configuration.GetSection(ForwardedHeadersSettings.Section).Get<ForwardedHeadersSettings>() ?? new();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Not X-Forwarded-Host: the host a client claims is never believed.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.TryParse(proxy, out var address) ? address
                    : throw new InvalidOperationException($"{ForwardedHeadersSettings.Section}:KnownProxies: '{proxy}' is not an IP address."));
            }
            foreach (var network in proxies.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed) ? parsed
                    : throw new InvalidOperationException($"{ForwardedHeadersSettings.Section}:KnownNetworks: '{network}' is not a network such as 10.0.0.0/24."));
            }
            // Every hop is read from the right for as long as it comes from a known proxy, and no further.
            o.ForwardLimit = null;
        });

        services.AddSingleton<SessionCookieEvents>();
        services.ConfigureApplicationCookie(o => o.EventsType = typeof(SessionCookieEvents));
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = SessionCookieEvents.KeepSessionClaim);

        // The API reference page's script tags get a fresh nonce per request; SecurityHeadersMiddleware allows it.
        services.Configure<ScalarOptions>(o => o.DynamicNonce = true);
        return services;
    }

    /// <summary>First in the pipeline: the real client address before anything reads it, and headers on every answer.</summary>
    public static WebApplication UseJobsPortalSecurity(this WebApplication app)
    {
        if (app.Configuration.GetSection(ForwardedHeadersSettings.Section).Get<ForwardedHeadersSettings>()?.Any == true)
        {
            app.UseForwardedHeaders();
        }
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<RelativeRedirectsMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            // Only when the app knows its HTTPS port (an https endpoint, or the https_port setting).
            app.UseHttpsRedirection();
        }
        return app;
    }
}
