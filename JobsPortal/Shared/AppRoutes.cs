namespace JobsPortal.Shared;

/// <summary>The app's addresses, written once. Pages declare their own <c>@page</c> templates; links and redirects come from here.</summary>
public static class AppRoutes
{
    public const string Home = "/";
    public const string Jobs = "/jobs";
    public const string Cancellations = "/cancellations";
    public const string CancellationsExport = "/cancellations/export";
    public const string Login = "/Account/Login";
    public const string NotAllowed = "/not-allowed";

    /// <summary>A job's page: <c>/jobs/J00000418</c>.</summary>
    public static string Job(string number) => $"{Jobs}/{Uri.EscapeDataString(number)}";
}
