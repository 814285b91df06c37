namespace JobsPortal.Features.Import;

/// <summary>The import's settings (<c>JobsPortal:Import</c>).</summary>
public sealed class ImportOptions
{
    public const string Section = "JobsPortal:Import";

    /// <summary>Files above this are refused before a byte is stored: 200 MB, about two million rows.</summary>
    public long MaxFileBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Where uploads wait while their run lasts; relative paths are under the app's content root.</summary>
    public string Folder { get; set; } = "data/imports";

    /// <summary>How many errors a run's report keeps (the count is always exact).</summary>
    public int MaxReportedErrors { get; set; } = 10_000;

    /// <summary>Jobs written per transaction: other writers wait at most one batch.</summary>
    public int BatchSize { get; set; } = 1_000;
}
