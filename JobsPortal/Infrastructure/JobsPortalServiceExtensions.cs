using JobsPortal.Shared;
using JobsPortal.Components.Account;
using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Data.Interceptors;
using JobsPortal.Data.Seeding;
using JobsPortal.Features.Admin;
using JobsPortal.Features.Review;
using JobsPortal.Features.Api;
using JobsPortal.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;

namespace JobsPortal.Infrastructure;

/// <summary>All of the app's registrations, so Program.cs stays a few lines and tests build the same app.</summary>
public static class JobsPortalServiceExtensions
{
    public const string ConnectionStringName = DatabaseSettings.ConnectionStringName;
    public const string DataProtectionApplicationName = "JobsPortal";

    public static WebApplicationBuilder AddJobsPortal(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<JobsPortalOptions>(builder.Configuration.GetSection(JobsPortalOptions.Section));
        var circuits = builder.Configuration.GetSection(CircuitSettings.Section).Get<CircuitSettings>() ?? new CircuitSettings();
        services.AddRazorComponents().AddInteractiveServerComponents(circuits.ApplyTo);
        services.AddMudServices();

        services.AddJobsPortalCore(DatabaseSettings.From(builder.Configuration, builder.Environment.ContentRootPath));

        // Identity for people: cookies, with the revalidating state provider for long-lived circuits.
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.AccessDeniedPath = AppRoutes.NotAllowed;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(10);
        });
        services.AddAuthorizationBuilder()
            // Every endpoint needs a signed-in user unless it says otherwise (sign-in page, health, assets).
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddHealthChecks().AddDbContextCheck<JobsPortalDbContext>("database");
        services.AddJobsPortalApi(builder.Configuration);
        services.AddJobsPortalSecurity(builder.Configuration);
        services.Configure<Features.Import.ImportOptions>(builder.Configuration.GetSection(Features.Import.ImportOptions.Section));
        services.Configure<Features.Cancellation.CancellationOptions>(builder.Configuration.GetSection(Features.Cancellation.CancellationOptions.Section));
        services.AddHostedService<Features.Import.ImportWorker>();
        services.AddHostedService<Features.Bulk.BulkWorker>();
        // Several instances on one PostgreSQL database: their change feeds share LISTEN/NOTIFY (nothing on SQLite).
        services.AddHostedService<PostgreSqlChangeFeed>();
        return builder;
    }

    /// <summary>
    /// The data and domain services without the web: the app registers them, and so do tests
    /// and benchmarks that need the real services over their own database.
    /// </summary>
    public static IServiceCollection AddJobsPortalCore(this IServiceCollection services, string sqliteConnectionString) =>
        services.AddJobsPortalCore(DatabaseSettings.Sqlite(sqliteConnectionString));

    /// <inheritdoc cref="AddJobsPortalCore(IServiceCollection, string)"/>
    public static IServiceCollection AddJobsPortalCore(this IServiceCollection services, DatabaseSettings database)
    {
        services.AddSingleton(database);
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        // The keys that sign cookies, antiforgery and API tokens live in the database, under one fixed
        // application name, so a token issued by one instance is accepted by every other one on the same
        // database (and by this one after a restart or a move to another folder). DatabaseInitializer
        // makes the first key at start-up, before any request could race a write for it.
        services.AddDataProtection()
            .SetApplicationName(DataProtectionApplicationName)
            .PersistKeysToDbContext<JobsPortalDbContext>();
        services.AddOptions<JobsPortalOptions>();
        // The named policies (Staff, Reviewer, Admin): services check them too, not only pages and endpoints.
        services.AddAuthorizationCore(o => o.AddJobsPortalPolicies());

        // A context per operation from the factory (a Blazor circuit lives long; one shared
        // context would go stale and is not thread-safe), pooled: a search no longer builds a context
        // and its services each time. Pooling is safe because the acting user is given where a context
        // is made and forgotten when it goes back (AuditActor). Identity's EF stores take a scoped
        // context, leased from the same pool.
        services.AddSingleton<AuditInterceptor>();
        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<JobsPortalDbContext>>().CreateDbContext());
        services.AddPooledDbContextFactory<JobsPortalDbContext>((sp, options) =>
        {
            if (database.IsPostgreSql)
            {
                options.UseNpgsql(database.ConnectionString).AddInterceptors(sp.GetRequiredService<AuditInterceptor>());
            }
            else
            {
                // The pragmas are SQLite's own; PostgreSQL is configured on the server.
                options.UseSqlite(database.ConnectionString)
                    .AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), SqlitePragmaInterceptor.Instance);
            }
        });

        // Accounts come from the seed or an admin, never from self-registration.
        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<JobsPortalDbContext>()
            // Lockout counted atomically, unknown names hashed too, sessions recorded: see Infrastructure/Security.
            .AddUserManager<LockoutUserManager>()
            .AddSignInManager<SessionSignInManager>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        services.AddSingleton<UserSessions>();
        services.AddSingleton<JobChangeNotifier>();
        services.AddSingleton<AppInstance>();
        services.AddSingleton<SqliteWriteGate>();
        services.AddSingleton<JobWrites>();
        services.AddScoped<ViewerClock>();
        services.AddScoped<UserPreferences>();
        services.AddScoped<Features.Cancellation.CancelConfiguration>();
        services.AddScoped<Features.Cancellation.CancellationService>();
        services.AddOptions<Features.Cancellation.CancellationOptions>();
        services.AddScoped<Features.Cancellation.ReopenService>();
        services.AddScoped<Features.Lifecycle.JobLifecycleService>();
        services.AddScoped<Features.Lifecycle.JobCreationService>();
        services.AddReviewFeature();
        services.AddAdminFeature();
        Features.Import.ImportRegistration.AddImportFeature(services);
        Features.Bulk.BulkRegistration.AddBulkFeature(services);
        services.AddScoped<Features.Jobs.JobSearchService>();
        services.AddScoped<Features.Jobs.JobDetailService>();
        services.AddScoped<Features.Overview.OverviewService>();
        services.AddScoped<ReferenceSeeder>();
        services.AddScoped<DatabaseInitializer>();
        return services;
    }

    public static WebApplication UseJobsPortal(this WebApplication app)
    {
        // Forwarded headers first, and only from configured proxies, so everything after sees the real client.
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
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }
        // The API answers its own failures with its envelope, without details, in every environment.
        app.UseJobsPortalApiFailures();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        // Routing and authorization after the status-code pages, so a re-executed /not-found is routed and authorized too.
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        // After routing, so it sees the endpoint's policy: the API's token endpoint is limited per client address.
        app.UseRateLimiter();

        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode();
        app.MapAdditionalIdentityEndpoints();
        app.MapReviewEndpoints();
        app.MapAdminEndpoints();
        Features.Import.ImportRegistration.MapImportEndpoints(app);
        Features.Bulk.BulkRegistration.MapBulkEndpoints(app);
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapJobsPortalApi();
        return app;
    }
}
