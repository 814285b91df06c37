namespace JobsPortal.Infrastructure;

/// <summary>The app's own settings, the <c>JobsPortal</c> section of appsettings.json.</summary>
public sealed class JobsPortalOptions
{
    public const string Section = "JobsPortal";

    /// <summary>Seed demo data and demo accounts on first start, and show the accounts on the sign-in page.</summary>
    public bool DemoMode { get; set; }

    /// <summary>How many jobs the demo seed writes.</summary>
    public int DemoJobs { get; set; } = 2400;

    /// <summary>Outside demo mode: the first admin, created when no admin exists yet.</summary>
    public string? AdminEmail { get; set; }
    public string? AdminPassword { get; set; }
}
