using JobsPortal.Shared;

namespace JobsPortal.Components.Account;

/// <summary>
/// Where to send a person after signing in or out. A return address is followed only when it stays
/// on this site; any other is ignored and the person lands on the job search.
/// </summary>
internal static class ReturnUrls
{
    public static string LocalOrJobs(string? url) => IsLocal(url) ? url! : AppRoutes.Jobs;

    /// <summary>A path on this site, relative or from its root, and nothing a browser could read as another site.</summary>
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return false;
        }
        // Browsers drop tabs and line breaks inside an address and read a backslash as a slash:
        // "/\evil.example" and "/<tab>/evil.example" are both "//evil.example", another site.
        if (url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\') || url.StartsWith("//", StringComparison.Ordinal))
        {
            return false;
        }
        // A colon before the first slash, question mark or hash is a scheme: "https:", "javascript:".
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        var delimiter = url.IndexOfAny(['/', '?', '#']);
        return colon < 0 || (delimiter >= 0 && delimiter < colon);
    }
}
