using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using JobsPortal.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace JobsPortal.Tests.TestInfrastructure;

/// <summary>
/// A bUnit context set up like the app: MudBlazor services, loose JS interop, an interactive
/// server renderer, and a signed-in test user with the given roles.
/// </summary>
public static class BunitSetup
{
    public static BunitContext Create(string userName = "Maria Lopez", params string[] roles)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized(userName);
        auth.SetRoles(roles);
        auth.SetClaims(new Claim(AppClaimTypes.DisplayName, userName));
        return ctx;
    }

    /// <summary>Call after every service is registered: it fixes the render mode the components see.</summary>
    public static void AsInteractiveServer(this BunitContext ctx) =>
        ctx.SetRendererInfo(new RendererInfo("Server", true));
}
