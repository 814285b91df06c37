using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using JobsPortal.Infrastructure;
using JobsPortal.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace JobsPortal.Tests.TestInfrastructure;

/// <summary>
/// A bUnit context set up like the app: MudBlazor services, loose JS interop, an interactive
/// server renderer, and a signed-in test user with the given roles, judged by the app's own
/// named policies.
/// </summary>
public static class BunitSetup
{
    public static BunitContext Create(string userName = "Maria Lopez", params string[] roles) => Create(userName, [], roles);

    /// <summary>With more claims on the test user, such as the NameIdentifier a service acts as.</summary>
    public static BunitContext Create(string userName, Claim[] claims, params string[] roles)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized(userName);
        auth.SetRoles(roles);
        auth.SetClaims([new Claim(AppClaimTypes.DisplayName, userName), .. claims]);
        // The app's policies, evaluated against the user's roles as in the app; bUnit's stand-in
        // service would pass only the policy names a test lists by hand.
        ctx.Services.AddAuthorizationCore(o => o.AddJobsPortalPolicies());
        ctx.Services.AddSingleton<IAuthorizationPolicyProvider, DefaultAuthorizationPolicyProvider>();
        ctx.Services.AddSingleton<IAuthorizationService, DefaultAuthorizationService>();
        return ctx;
    }

    /// <summary>Call after every service is registered: it fixes the render mode the components see.</summary>
    public static void AsInteractiveServer(this BunitContext ctx) =>
        ctx.SetRendererInfo(new RendererInfo("Server", true));
}
