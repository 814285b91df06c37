using System.Security.Claims;
using JobsPortal.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace JobsPortal.Features.Admin;

/// <summary>What every admin page shares: the acting admin, and the last outcome to show.</summary>
public abstract class AdminPage : ComponentBase
{
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject] private ViewerClock Clock { get; set; } = default!;

    protected ClaimsPrincipal Admin { get; private set; } = new();
    protected string? Error { get; set; }
    protected string? Done { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Admin = (await AuthenticationState).User;
        await LoadAsync();
    }

    protected abstract Task LoadAsync();

    /// <summary>Shows the outcome; on success reloads, so the page shows the saved state and its new version.</summary>
    protected async Task<bool> ShowAsync(AdminResult result, string success)
    {
        Error = result.Succeeded ? null : result.MessageIn(Clock.Zone);
        Done = result.Succeeded ? success : null;
        if (result.Succeeded)
        {
            await LoadAsync();
        }
        return result.Succeeded;
    }
}
