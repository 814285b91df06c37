using System.Security.Cryptography;
using Scalar.AspNetCore;

namespace JobsPortal.Infrastructure.Security;

/// <summary>
/// Headers every response carries. The content security policy lets scripts run only from this
/// site or with this response's nonce (the import map in App.razor; the API reference page, whose
/// Scalar script tags carry a nonce of Scalar's own), and styles from this site or inline
/// (MudBlazor sets styles inline). Blazor's circuit websocket is this site's, so <c>connect-src 'self'</c>
/// covers it. Nothing may frame the app, no plugins, no <c>&lt;base&gt;</c> pointing elsewhere, forms
/// post only here.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IHostEnvironment environment)
{
    private const string NonceKey = "JobsPortal.CspNonce";

    // In development, `dotnet watch` refreshes the browser through a websocket on a port of its own.
    private readonly string _connectSources = environment.IsDevelopment() ? "'self' ws://localhost:* wss://localhost:*" : "'self'";

    /// <summary>This response's script nonce, for a page's own inline script tags.</summary>
    public static string NonceOf(HttpContext context) => context.Items[NonceKey] as string ?? "";

    public Task InvokeAsync(HttpContext context)
    {
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            var scripts = $"'self' 'nonce-{nonce}'";
            if (context.Items[ScalarOptions.NonceHttpContextItemKey] is string scalarNonce)
            {
                scripts += $" 'nonce-{scalarNonce}'";
            }
            headers.ContentSecurityPolicy =
                $"default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
                $"connect-src {_connectSources}; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";
            return Task.CompletedTask;
        });
        return next(context);
    }
}

/// <summary>
/// Keeps the request's Host header out of redirects. ASP.NET Core builds absolute redirect addresses
/// from the Host the client sent (the cookie's redirect to sign-in, Blazor's navigations), so a request
/// with <c>Host: evil.example</c> was answered <c>Location: http://evil.example/...</c>, which a cache
/// or a proxy could hand to others. A redirect to this same request's scheme and host is sent as a
/// relative address; the browser resolves it against the address it really asked. (The one redirect
/// that must stay absolute, HTTP to HTTPS, is why production should list its hosts in AllowedHosts.)
/// </summary>
public sealed class RelativeRedirectsMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var location = context.Response.Headers.Location.ToString();
            if (location.Length > 0
                && Uri.TryCreate(location, UriKind.Absolute, out var target)
                && target.Scheme == context.Request.Scheme
                && string.Equals(target.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers.Location = target.GetComponents(UriComponents.PathAndQuery | UriComponents.Fragment, UriFormat.UriEscaped);
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}
