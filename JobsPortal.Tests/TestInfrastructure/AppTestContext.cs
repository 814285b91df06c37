using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace JobsPortal.Tests.TestInfrastructure;

/// <summary>
/// The bUnit context of every component and page test, set up as the app's circuit is: MudBlazor
/// services with loose JS interop; the app's own services over a <see cref="TestDatabase"/>, sharing
/// its change feed, write gate and fake clock (<see cref="TestDatabase.ShareWith"/>); the app's
/// authorization policies, deciding for a person of that database signed in as the cookie would
/// describe them; and an interactive server renderer. The renderer is fixed after the last
/// registration, so a test's own services go in <c>configure</c>. Some MudBlazor services dispose
/// only asynchronously: create it with <c>await using</c>. The database stays the caller's.
/// </summary>
public sealed class AppTestContext : BunitContext
{
    /// <summary>
    /// bUnit's waits give up after one second unless told otherwise. A wait returns as soon as what it waits
    /// for holds, so a longer limit costs a passing test nothing; it spares a loaded run (the whole suite on two
    /// cores, with PostgreSQL and Chromium beside it) failures that were only the machine being busy.
    /// </summary>
    static AppTestContext() => DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    private AppTestContext(TestDatabase database, ClaimsPrincipal user)
    {
        Database = database;
        User = user;
    }

    public TestDatabase Database { get; }

    /// <summary>The signed-in person.</summary>
    public ClaimsPrincipal User { get; }

    public NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    /// <param name="email">Who is signed in: a person of <paramref name="database"/> (see <see cref="DemoPeople"/>).</param>
    /// <param name="url">Where the browser is, relative to http://localhost/.</param>
    public static async Task<AppTestContext> CreateAsync(
        TestDatabase database, string email, string url = "", Action<IServiceCollection>? configure = null) =>
        await CreateAsync(database, await database.PrincipalAsync(email), url, configure);

    /// <param name="user">Who is signed in, made by hand (<see cref="TestActors.Principal"/>): someone the database has no account for, or other roles.</param>
    public static async Task<AppTestContext> CreateAsync(
        TestDatabase database, ClaimsPrincipal user, string url = "", Action<IServiceCollection>? configure = null)
    {
        var ctx = new AppTestContext(database, user);
        try
        {
            ctx.JSInterop.Mode = JSRuntimeMode.Loose;
            var services = ctx.Services;
            services.AddMudServices();
            database.ShareWith(services);
            services.AddSingleton<AuthenticationStateProvider>(new SignedIn(ctx.User));
            services.AddCascadingAuthenticationState();
            // bUnit registers an authorization service that throws, and AddAuthorizationCore only adds
            // its own when none is there: the app's service and policies decide, on the person's real roles.
            services.AddTransient<IAuthorizationService, DefaultAuthorizationService>();
            configure?.Invoke(services);
            ctx.SetRendererInfo(new RendererInfo("Server", true));
            ctx.Navigation.NavigateTo(url);
            return ctx;
        }
        catch
        {
            await ctx.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Renders <paramref name="content"/> beside the popover, dialog and snackbar providers, as the
    /// layout does, and returns the whole: select lists, dialogs and snackbars render in the providers.
    /// </summary>
    public IRenderedComponent<IComponent> RenderWithProviders(RenderFragment? content = null) => Render(b =>
    {
        b.OpenComponent<MudPopoverProvider>(0);
        b.CloseComponent();
        b.OpenComponent<MudDialogProvider>(1);
        b.CloseComponent();
        b.OpenComponent<MudSnackbarProvider>(2);
        b.CloseComponent();
        b.AddContent(3, content);
    });

    /// <summary>A component with the given parameters beside the providers; returns the whole.</summary>
    public IRenderedComponent<IComponent> RenderWithProviders<TComponent>(params (string Name, object? Value)[] parameters)
        where TComponent : IComponent => RenderWithProviders(b =>
    {
        b.OpenComponent<TComponent>(0);
        foreach (var (name, value) in parameters)
        {
            b.AddComponentParameter(1, name, value);
        }
        b.CloseComponent();
    });

    /// <summary>A page with the given parameters beside the providers; returns the page.</summary>
    public IRenderedComponent<TPage> RenderPage<TPage>(params (string Name, object? Value)[] parameters)
        where TPage : IComponent => RenderWithProviders<TPage>(parameters).FindComponent<TPage>();

    /// <summary>Always the same signed-in person, as a circuit sees the cookie's user.</summary>
    private sealed class SignedIn(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        private readonly Task<AuthenticationState> _state = Task.FromResult(new AuthenticationState(user));

        public override Task<AuthenticationState> GetAuthenticationStateAsync() => _state;
    }
}
