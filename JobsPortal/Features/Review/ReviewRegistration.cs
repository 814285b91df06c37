namespace JobsPortal.Features.Review;

/// <summary>The review feature's services, added by one line in the app's registrations.</summary>
public static class ReviewRegistration
{
    public static IServiceCollection AddReviewFeature(this IServiceCollection services)
    {
        services.AddScoped<CancellationQueryService>();
        services.AddScoped<CancellationReviewService>();
        return services;
    }
}
