using Bunit;
using JobsPortal.Features.Admin;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Tests.Features.Admin;

/// <summary>The admin forms' validation, rendered as the circuit renders them: bad input shows a message and saves nothing.</summary>
public sealed class AdminFormTests(SeededTemplate template) : IClassFixture<SeededTemplate>, IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await template.CloneAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task<int> AuditCountAsync()
    {
        await using var context = _db.CreateContext();
        return await context.AdminAudit.CountAsync();
    }

    [Fact]
    public async Task The_add_person_form_asks_for_a_valid_email_a_name_and_a_role()
    {
        await using var ctx = await AppTestContext.CreateAsync(_db, DemoPeople.Admin);
        var form = new NewPersonForm { Email = "not an email" };
        var cut = ctx.Render<PersonFields>(p => p.Add(x => x.Form, form).Add(x => x.ShowEmail, true));

        cut.Find("form").Submit();

        cut.WaitForAssertion(() =>
        {
            var messages = cut.Find("[data-testid=person-validation], .validation-errors").TextContent;
            Assert.Contains("Email field is not a valid e-mail address", messages, StringComparison.Ordinal);
            Assert.Contains("DisplayName field is required", messages, StringComparison.Ordinal);
            Assert.Contains("Give the person at least one role.", messages, StringComparison.Ordinal);
        });
        Assert.Equal(0, await AuditCountAsync());
    }

    [Fact]
    public async Task The_reason_form_needs_a_name_and_a_code_and_a_duplicate_is_refused_with_a_sentence()
    {
        await using var ctx = await AppTestContext.CreateAsync(_db, DemoPeople.Admin);
        var cut = ctx.Render<ReasonsTab>();
        cut.WaitForAssertion(() => Assert.Contains("Regret", cut.Find("[data-testid=reasons]").TextContent, StringComparison.Ordinal));

        cut.Find("[data-testid=reason-form]").Submit();
        cut.WaitForAssertion(() => Assert.Contains("The Name field is required.", cut.Markup, StringComparison.Ordinal));

        var inputs = cut.FindAll("[data-testid=reason-form] input");
        inputs[0].Change("regret");
        cut.FindAll("[data-testid=reason-form] input")[1].Change("NEWR");
        cut.Find("[data-testid=reason-form]").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Another reason is already called regret.", cut.Find("[data-testid=reason-error]").TextContent, StringComparison.Ordinal));
        Assert.Equal(0, await AuditCountAsync());
    }
}
