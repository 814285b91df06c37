namespace JobsPortal.Components.Shared;

public static class ThemeCookie
{
    public const string Name = "jobsportal-theme";

    public static bool IsDark(HttpRequest request) => request.Cookies[Name] == "dark";
}
