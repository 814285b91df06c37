using System.Net;
using System.Text.RegularExpressions;

namespace JobsPortal.Tests.TestInfrastructure;

/// <summary>Signs in through the real sign-in form: GET for the antiforgery token, then POST.</summary>
public static partial class HttpSignIn
{
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync("/Account/Login");
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, "the sign-in page has an antiforgery token");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return await client.PostAsync("/Account/Login", form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
