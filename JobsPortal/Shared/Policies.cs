using JobsPortal.Data.Entities;
using Microsoft.AspNetCore.Authorization;

namespace JobsPortal.Shared;

/// <summary>
/// Who may do what, defined once. Pages (<c>[Authorize(Policy = ...)]</c>), <c>AuthorizeView</c>,
/// endpoints (<c>RequireAuthorization</c>) and services (<see cref="IAuthorizationService"/>) all name
/// these policies; none of them lists roles itself.
/// </summary>
public static class Policies
{
    /// <summary>Everyone who works jobs: agents, and supervisors and admins, who can do all an agent can.</summary>
    public const string Staff = "Staff";

    /// <summary>Those who review cancellations: supervisors and admins.</summary>
    public const string Reviewer = "Reviewer";

    /// <summary>Those who administer people and configuration.</summary>
    public const string Admin = "Admin";

    public static AuthorizationOptions AddJobsPortalPolicies(this AuthorizationOptions options)
    {
        options.AddPolicy(Staff, p => p.RequireAuthenticatedUser().RequireRole(Roles.Agent, Roles.Supervisor, Roles.Admin));
        options.AddPolicy(Reviewer, p => p.RequireAuthenticatedUser().RequireRole(Roles.Supervisor, Roles.Admin));
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        return options;
    }
}
