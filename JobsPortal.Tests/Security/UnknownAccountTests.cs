using System.Net;
using JobsPortal.Features.Api;
using JobsPortal.Tests.Features.Api;

namespace JobsPortal.Tests.Security;

/// <summary>
/// An unknown email and a known email with a wrong password must take the same time, or timing the
/// answers tells which emails have accounts. What takes the time is checking the password against a
/// hash; both cases must do it once. (Counted, not timed: a timing test would be flaky.)
/// </summary>
public sealed class UnknownAccountTests(SecurityAppFactory factory) : IClassFixture<SecurityAppFactory>
{
    [Fact]
    public async Task The_token_endpoint_checks_one_password_hash_for_an_unknown_email_as_for_a_known_one()
    {
        var known = await factory.NewAccountAsync();
        var api = factory.Api();

        var knownWork = await HashChecksDuring(() => api.PostAsync("authentication/token", new { username = known.Email, password = "wrong" }));
        var unknownWork = await HashChecksDuring(() => api.PostAsync("authentication/token", new { username = "nobody-here@example.com", password = "wrong" }));

        Assert.Equal(1, knownWork.Checks);
        Assert.Equal(1, unknownWork.Checks);
        ApiAssert.Error(knownWork.Result, ApiErrorCodes.InvalidCredentials, HttpStatusCode.Unauthorized);
        ApiAssert.Error(unknownWork.Result, ApiErrorCodes.InvalidCredentials, HttpStatusCode.Unauthorized);
        Assert.Equal(knownWork.Result.Text, unknownWork.Result.Text);
    }

    [Fact]
    public async Task The_sign_in_form_checks_one_password_hash_for_an_unknown_email_as_for_a_known_one()
    {
        var known = await factory.NewAccountAsync();
        var knownForm = await SignInForm.OpenAsync(factory.NewClient());
        var unknownForm = await SignInForm.OpenAsync(factory.NewClient());

        var knownWork = await HashChecksDuring(() => knownForm.PostAsync(known.Email!, "wrong"));
        var unknownWork = await HashChecksDuring(() => unknownForm.PostAsync("nobody-here@example.com", "wrong"));

        Assert.Equal(1, knownWork.Checks);
        Assert.Equal(1, unknownWork.Checks);
        Assert.Equal(SignInForm.Wrong, await SignInForm.OutcomeOf(knownWork.Result));
        Assert.Equal(SignInForm.Wrong, await SignInForm.OutcomeOf(unknownWork.Result));
    }

    // Tests in one class run one at a time, so the count between two reads is this request's.
    private async Task<(int Checks, T Result)> HashChecksDuring<T>(Func<Task<T>> request)
    {
        var before = factory.Hasher.Verifications;
        var result = await request();
        return (factory.Hasher.Verifications - before, result);
    }
}
