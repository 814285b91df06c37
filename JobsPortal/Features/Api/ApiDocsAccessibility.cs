namespace JobsPortal.Features.Api;

/// <summary>
/// What the Scalar reference page at /api-docs needs to pass WCAG AA: Scalar's HTML template has no
/// lang attribute (set from the head, before the reference renders) and its secondary text and
/// HTTP-method colours are below 4.5:1 (darker in the light theme, lighter in the dark one).
/// </summary>
internal static class ApiDocsAccessibility
{
    // A script file of this site rather than an inline script: the content security policy allows 'self'.
    public const string HeadContent = "<script src=\"/js/api-docs.js\"></script>";

    public const string Css = """
        .light-mode {
            --scalar-color-2: #4f4f4f;
            --scalar-color-3: #5f5f5f;
            --scalar-color-green: #1b6e33;
            --scalar-color-blue: #1158a8;
            --scalar-color-orange: #9a4500;
            --scalar-color-red: #b71c1c;
            --scalar-color-purple: #6a3fb5;
            --scalar-color-yellow: #7a5d00;
        }
        .dark-mode {
            --scalar-color-2: #c8c8c8;
            --scalar-color-3: #b4b4b4;
            --scalar-color-green: #7ed996;
            --scalar-color-blue: #8cc2ff;
            --scalar-color-orange: #ffb070;
            --scalar-color-red: #ff9a9a;
            --scalar-color-purple: #c9a8ff;
            --scalar-color-yellow: #f0d060;
        }
        """;
}
