using System.Net;
using System.Text.RegularExpressions;

namespace JobsPortal.Tests.TestInfrastructure;

/// <summary>Signs in through the real sign-in form: GET for the antiforgery token, then POST.</summary>
public static partial class HttpSignIn
{
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync("/Account/Login");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryTokenOf(page),
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return await client.PostAsync("/Account/Login", form);
    }

    /// <summary>The antiforgery token a rendered page carries for its forms.</summary>
    public static string AntiforgeryTokenOf(string html)
    {
        var token = AntiforgeryToken().Match(html);
        Assert.True(token.Success, "the page has an antiforgery token");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
