using System.Net;
using JobsPortal.Data.Seeding;
using JobsPortal.Features.Api;
using JobsPortal.Tests.Features.Api;

namespace JobsPortal.Tests.Security;

/// <summary>
/// Wrong passwords sent at the same moment, as an attacker's script sends them: the lockout must
/// count every one. Identity counts failures by rewriting the account's row, and concurrent rewrites
/// used to collide and be dropped (ten at once left the account unlocked). One body, run on each
/// database the app supports: on PostgreSQL the compare-and-swap is the database's as well.
/// </summary>
public abstract class LockoutRaceTests(SecurityAppFactory factory)
{
    private const int MaxFailures = 5;

    [Theory]
    [InlineData(10)]
    [InlineData(30)]
    public async Task Simultaneous_wrong_passwords_on_the_token_endpoint_lock_the_account_after_at_most_five(int attempts)
    {
        var user = await factory.NewAccountAsync();
        var api = factory.Api();

        var answers = await Task.WhenAll(Enumerable.Range(0, attempts).Select(i =>
            api.PostAsync("authentication/token", new { username = user.Email, password = "wrong-" + i })));

        var codes = answers.Select(a => a.Code).ToList();
        Assert.True(codes.All(c => c is ApiErrorCodes.InvalidCredentials or ApiErrorCodes.AccountLockedOut), string.Join(", ", codes));
        AssertAtMostFourWrong(codes.Count(c => c == ApiErrorCodes.InvalidCredentials));
        await AssertLockedOnBothPathsAsync(user.Email!);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(30)]
    public async Task Simultaneous_wrong_passwords_on_the_sign_in_form_lock_the_account_after_at_most_five(int attempts)
    {
        var user = await factory.NewAccountAsync();
        var forms = await Task.WhenAll(Enumerable.Range(0, attempts).Select(_ => SignInForm.OpenAsync(factory.NewClient())));

        var responses = await Task.WhenAll(forms.Select((form, i) => form.PostAsync(user.Email!, "wrong-" + i)));

        var outcomes = await Task.WhenAll(responses.Select(SignInForm.OutcomeOf));
        Assert.True(outcomes.All(o => o is SignInForm.Wrong or SignInForm.Locked), string.Join(" | ", outcomes));
        AssertAtMostFourWrong(outcomes.Count(o => o == SignInForm.Wrong));
        await AssertLockedOnBothPathsAsync(user.Email!);
    }

    [Fact]
    public async Task Wrong_passwords_on_both_paths_at_once_share_one_count()
    {
        var user = await factory.NewAccountAsync();
        var api = factory.Api();
        var forms = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => SignInForm.OpenAsync(factory.NewClient())));

        var tokenAnswers = Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            api.PostAsync("authentication/token", new { username = user.Email, password = "api-wrong-" + i })));
        var formAnswers = Task.WhenAll(forms.Select((form, i) => form.PostAsync(user.Email!, "form-wrong-" + i)));
        var tokenCodes = (await tokenAnswers).Select(a => a.Code);
        var formOutcomes = await Task.WhenAll((await formAnswers).Select(SignInForm.OutcomeOf));

        var wrong = tokenCodes.Count(c => c == ApiErrorCodes.InvalidCredentials) + formOutcomes.Count(o => o == SignInForm.Wrong);
        AssertAtMostFourWrong(wrong);
        await AssertLockedOnBothPathsAsync(user.Email!);
    }

    // The fifth failure is the one that locks, and it says so. A failure counted fourth may also be
    // answered "locked" when the fifth landed before its answer was sent: the account is locked by then.
    private static void AssertAtMostFourWrong(int wrong) => Assert.InRange(wrong, 0, MaxFailures - 1);

    private async Task AssertLockedOnBothPathsAsync(string email)
    {
        var token = await factory.Api().PostAsync("authentication/token", new { username = email, password = DemoCatalog.DemoPassword });
        ApiAssert.Error(token, ApiErrorCodes.AccountLockedOut, HttpStatusCode.Unauthorized);

        var form = await SignInForm.OpenAsync(factory.NewClient());
        var signIn = await form.PostAsync(email, DemoCatalog.DemoPassword);
        Assert.Equal(SignInForm.Locked, await SignInForm.OutcomeOf(signIn));
        Assert.Null(SignInForm.IdentityCookieOf(signIn));
    }
}

public sealed class LockoutRaceSqliteTests(SecurityAppFactory factory) : LockoutRaceTests(factory), IClassFixture<SecurityAppFactory>;

public sealed class LockoutRacePostgreSqlTests(PostgreSqlSecurityAppFactory factory)
    : LockoutRaceTests(factory), IClassFixture<PostgreSqlSecurityAppFactory>;
