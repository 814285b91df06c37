using JobsPortal.Components.Account;
using JobsPortal.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Microsoft.AspNetCore.Routing;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    // The endpoints the Identity Razor components post to. Sign-out is a POST with an
    // antiforgery token (validated by the form binding), so a link on another site cannot sign anyone out.
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var accountGroup = endpoints.MapGroup("/Account");

        accountGroup.MapPost("/Logout", async (
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromForm] string? returnUrl) =>
        {
            // Ends the server-side session too: a copy of the cookie is refused from now on.
            await signInManager.SignOutAsync();
            var target = string.IsNullOrEmpty(returnUrl) ? "" : ReturnUrls.LocalOrJobs(returnUrl);
            return TypedResults.LocalRedirect("~/" + target.TrimStart('/'));
        }).AllowAnonymous();

        return accountGroup;
    }
}
