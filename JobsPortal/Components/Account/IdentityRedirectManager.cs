using Microsoft.AspNetCore.Components;

namespace JobsPortal.Components.Account;

/// <summary>Redirects from the statically rendered account pages, never to another site (<see cref="ReturnUrls"/>).</summary>
internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public void RedirectTo(string? uri) => navigationManager.NavigateTo(ReturnUrls.LocalOrJobs(uri));
}
