using Bunit;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Jobs;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;

namespace JobsPortal.Tests.Features.Jobs;

/// <summary>A bUnit context with the real job services over a test database, and a way to render a page with the popover provider beside it.</summary>
public static class JobPagesContext
{
    public static BunitContext Create(TestInfrastructure.TestDatabase db, string url = "jobs", Action<IServiceCollection>? configure = null)
    {
        var ctx = BunitSetup.Create("Maria Lopez", Roles.Agent);
        db.ShareWith(ctx.Services);
        ctx.Services.AddScoped<JobSearchService>();
        ctx.Services.AddScoped<JobDetailService>();
        // The job page also hosts the Cancel dialog and the cancellation's review panel.
        ctx.Services.TryAddSingleton(TimeProvider.System);
        JobsPortal.Features.Review.ReviewRegistration.AddReviewFeature(ctx.Services);
        configure?.Invoke(ctx.Services);
        ctx.AsInteractiveServer();
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return ctx;
    }

    public static IRenderedComponent<TPage> RenderPage<TPage>(this BunitContext ctx, params (string Name, object? Value)[] parameters)
        where TPage : IComponent
    {
        var host = ctx.Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<TPage>(1);
            foreach (var (name, value) in parameters)
            {
                b.AddComponentParameter(2, name, value);
            }
            b.CloseComponent();
        });
        return host.FindComponent<TPage>();
    }
}
