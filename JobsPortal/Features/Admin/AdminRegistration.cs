using Microsoft.AspNetCore.Identity;

namespace JobsPortal.Features.Admin;

/// <summary>The admin area's services, added by one line in the app's registrations.</summary>
public static class AdminRegistration
{
    public static IServiceCollection AddAdminFeature(this IServiceCollection services)
    {
        // A set-password link is Identity's password-reset token; it lives as long as the link promises.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = PeopleService.LinkLifetime);
        services.AddScoped<AdminOperations>();
        services.AddScoped<PeopleQueries>();
        services.AddScoped<PeopleService>();
        services.AddScoped<CancelConfigurationAdmin>();
        services.AddScoped<JobTypeAdmin>();
        services.AddScoped<OrganisationAdmin>();
        services.AddScoped<AuditQueries>();
        services.AddScoped<StandardConfiguration>();
        return services;
    }
}
