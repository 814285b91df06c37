using Microsoft.AspNetCore.Components;

namespace JobsPortal.Tests.Features.Review;

/// <summary>A <see cref="NavigationManager"/> without a renderer: it starts at an address and goes wherever it is sent.</summary>
public sealed class AddressBar : NavigationManager
{
    public const string BaseAddress = "http://localhost/";

    public AddressBar(string relative) => Initialize(BaseAddress, BaseAddress + relative.TrimStart('/'));

    /// <summary>Every address it was sent to, absolute, oldest first.</summary>
    public List<string> Visited { get; } = [];

    protected override void NavigateToCore(string uri, NavigationOptions options)
    {
        Uri = ToAbsoluteUri(uri).AbsoluteUri;
        Visited.Add(Uri);
    }
}
