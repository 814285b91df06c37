using System.Security.Claims;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Admin;
using JobsPortal.Infrastructure.Security;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JobsPortal.Tests.Features.Admin;

/// <summary>People: every guard and rule of the admin's changes, each test on its own copy of the demo database.</summary>
public sealed class PeopleServiceTests(SeededTemplate template) : IClassFixture<SeededTemplate>, IAsyncLifetime
{
    private TestDatabase _db = null!;
    private ClaimsPrincipal _admin = null!;

    public async Task InitializeAsync()
    {
        _db = await template.CloneAsync();
        _admin = await _db.PrincipalAsync(DemoPeople.Admin);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private PeopleService People => _db.Service<PeopleService>();

    private async Task<PersonDetail> DetailAsync(string email) =>
        (await _db.Service<PeopleQueries>().GetAsync(_admin, await _db.UserIdAsync(email)))!;

    [Fact]
    public async Task Adding_a_person_makes_a_link_that_sets_their_password_once()
    {
        var added = await People.AddAsync(_admin, new NewPersonForm { Email = "New.Agent@Example.com", DisplayName = "New Agent", Roles = [Roles.Agent] });

        Assert.True(added.Succeeded, added.Message);
        Assert.Equal(_db.Clock.GetUtcNow().UtcDateTime.AddHours(72), added.Value!.ValidUntilUtc);
        var query = QueryHelpers.ParseQuery(new Uri("http://x" + added.Value.RelativeUrl).Query);
        var token = System.Text.Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(query["code"]!));
        await using var scope = _db.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(query["user"]!))!;
        Assert.True((await users.ResetPasswordAsync(user, token, "Fresh!Pass2026")).Succeeded);
        Assert.True(await users.CheckPasswordAsync(user, "Fresh!Pass2026"));
        Assert.False((await users.ResetPasswordAsync(user, token, "Other!Pass2026")).Succeeded);
        Assert.Contains(Roles.Agent, await users.GetRolesAsync(user));
        Assert.Contains((await DetailAsync("new.agent@example.com")).History, h => h.Action == "Created" && h.ActorName == "Alex Admin");
    }

    [Fact]
    public async Task An_email_that_differs_only_in_case_is_refused()
    {
        var added = await People.AddAsync(_admin, new NewPersonForm { Email = DemoPeople.Agent.ToUpperInvariant(), DisplayName = "Copy", Roles = [Roles.Agent] });

        Assert.Equal(AdminErrors.Duplicate, added.Code);
    }

    [Theory]
    [InlineData("not-an-email", "Someone", Roles.Agent)]
    [InlineData("x@example.com", "", Roles.Agent)]
    [InlineData("x@example.com", "Someone", "Owner")]
    public async Task Bad_input_is_refused_and_changes_nothing(string email, string name, string role)
    {
        await using var before = _db.CreateContext();
        var count = await before.Users.CountAsync();

        var added = await People.AddAsync(_admin, new NewPersonForm { Email = email, DisplayName = name, Roles = [role] });

        Assert.Equal(AdminErrors.Invalid, added.Code);
        await using var after = _db.CreateContext();
        Assert.Equal(count, await after.Users.CountAsync());
        Assert.Equal(0, await after.AdminAudit.CountAsync());
    }

    [Fact]
    public async Task Someone_who_is_not_an_admin_is_refused()
    {
        var supervisor = await _db.PrincipalAsync(DemoPeople.Supervisor);

        var added = await People.AddAsync(supervisor, new NewPersonForm { Email = "x@example.com", DisplayName = "X", Roles = [Roles.Admin] });
        var locked = await People.LockAsync(supervisor, await _db.UserIdAsync(DemoPeople.Agent), 0);

        Assert.Equal(AdminErrors.NotAllowed, added.Code);
        Assert.Equal(AdminErrors.NotAllowed, locked.Code);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => _db.Service<PeopleQueries>().ListAsync(supervisor, new PeopleQuery()));
    }

    [Fact]
    public async Task The_last_active_admin_keeps_the_role_and_cannot_be_locked_or_deactivated()
    {
        Assert.True((await People.AddAsync(_admin, new NewPersonForm { Email = "second@example.com", DisplayName = "Second", Roles = [Roles.Admin] })).Succeeded);
        var other = await DetailAsync("second@example.com");
        Assert.True((await People.LockAsync(_admin, other.Id, other.Version)).Succeeded);
        var me = await DetailAsync(DemoPeople.Admin);
        var form = me.ToForm();
        form.Roles = [Roles.Agent];

        var demote = await People.UpdateAsync(_admin, form);
        var lockMe = await People.LockAsync(_admin, me.Id, me.Version);

        Assert.Equal(AdminErrors.LastAdmin, demote.Code);
        Assert.Equal(AdminErrors.LastAdmin, lockMe.Code);
        Assert.Contains("last active admin", demote.Message, StringComparison.Ordinal);
        Assert.Contains(Roles.Admin, (await DetailAsync(DemoPeople.Admin)).Roles);
    }

    [Fact]
    public async Task The_last_active_admin_cannot_be_deactivated_by_another_admin_either()
    {
        Assert.True((await People.AddAsync(_admin, new NewPersonForm { Email = "second@example.com", DisplayName = "Second", Roles = [Roles.Admin] })).Succeeded);
        var second = await _db.PrincipalAsync("second@example.com");
        var me = await DetailAsync(DemoPeople.Admin);
        Assert.True((await People.DeactivateAsync(second, me.Id, me.Version)).Succeeded);
        // "second" is now the only active admin; the demo admin, deactivated, can no longer act.
        var secondDetail = (await _db.Service<PeopleQueries>().GetAsync(second, await _db.UserIdAsync("second@example.com")))!;
        var byDeactivated = await People.DeactivateAsync(_admin, secondDetail.Id, secondDetail.Version);
        Assert.Equal(AdminErrors.NotAllowed, byDeactivated.Code);
    }

    [Fact]
    public async Task An_admin_cannot_deactivate_themselves()
    {
        var me = await DetailAsync(DemoPeople.Admin);

        var result = await People.DeactivateAsync(_admin, me.Id, me.Version);

        Assert.Equal(AdminErrors.Self, result.Code);
        Assert.False((await DetailAsync(DemoPeople.Admin)).Deactivated);
    }

    [Fact]
    public async Task Deactivating_stops_sign_in_sessions_and_tokens_and_unlock_does_not_undo_it()
    {
        var agentId = await _db.UserIdAsync(DemoPeople.Agent);
        var sessions = _db.Services.GetRequiredService<UserSessions>();
        var sessionId = await sessions.StartAsync(agentId, null);
        var before = await DetailAsync(DemoPeople.Agent);
        string stampBefore;
        await using (var read = _db.CreateContext())
        {
            stampBefore = (await read.Users.SingleAsync(u => u.Id == agentId)).SecurityStamp!;
        }

        Assert.True((await People.DeactivateAsync(_admin, agentId, before.Version)).Succeeded);

        await using var scope = _db.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(agentId))!;
        // What the sign-in form, the token endpoint and the session check refuse.
        Assert.True(await users.IsLockedOutAsync(user));
        Assert.NotEqual(stampBefore, user.SecurityStamp);
        await using (var read = _db.CreateContext())
        {
            Assert.NotNull((await read.UserSessions.SingleAsync(s => s.Id == sessionId)).EndedUtc);
        }
        var after = await DetailAsync(DemoPeople.Agent);
        Assert.True(after.Deactivated);
        Assert.Equal(AdminErrors.Deactivated, (await People.UnlockAsync(_admin, agentId, after.Version)).Code);
        Assert.True((await People.ReactivateAsync(_admin, agentId, after.Version)).Succeeded);
        await using var again = _db.Services.CreateAsyncScope();
        var reread = (await again.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(agentId))!;
        Assert.False(await again.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().IsLockedOutAsync(reread));
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_every_session_and_changes_the_stamp()
    {
        var agentId = await _db.UserIdAsync(DemoPeople.Agent);
        var sessions = _db.Services.GetRequiredService<UserSessions>();
        await sessions.StartAsync(agentId, null);
        await sessions.StartAsync(agentId, null);

        var result = await People.SignOutEverywhereAsync(_admin, agentId, (await DetailAsync(DemoPeople.Agent)).Version);

        Assert.True(result.Succeeded);
        await using var read = _db.CreateContext();
        Assert.Equal(0, await read.UserSessions.CountAsync(s => s.UserId == agentId && s.EndedUtc == null));
        Assert.Equal(2, await read.UserSessions.CountAsync(s => s.UserId == agentId));
    }

    [Fact]
    public async Task A_second_admin_saving_an_old_form_is_told_who_changed_it_and_when()
    {
        var opened = (await DetailAsync(DemoPeople.Agent)).ToForm();
        var first = (await DetailAsync(DemoPeople.Agent)).ToForm();
        first.DisplayName = "Maria L.";
        Assert.True((await People.UpdateAsync(_admin, first)).Succeeded);

        opened.Roles = [Roles.Supervisor];
        var second = await People.UpdateAsync(_admin, opened);

        Assert.Equal(AdminErrors.Changed, second.Code);
        Assert.Equal("Maria L. was changed by Alex Admin at 2026-11-02 09:30 UTC since you opened it. Review it and save again.", second.Message);
        Assert.Equal([Roles.Agent], (await DetailAsync(DemoPeople.Agent)).Roles);
    }

    [Fact]
    public async Task Roles_and_unit_changes_are_in_the_persons_history_with_before_and_after()
    {
        var form = (await DetailAsync(DemoPeople.Agent)).ToForm();
        form.Roles = [Roles.Agent, Roles.Supervisor];

        Assert.True((await People.UpdateAsync(_admin, form)).Succeeded);

        var entry = Assert.Single((await DetailAsync(DemoPeople.Agent)).History);
        Assert.Equal(("Roles changed", "Agent", "Agent, Supervisor"), (entry.Action, entry.Before, entry.After));
    }

    [Fact]
    public async Task The_list_filters_by_search_role_unit_locked_and_deactivated()
    {
        var queries = _db.Service<PeopleQueries>();
        var agentId = await _db.UserIdAsync(DemoPeople.Agent);
        Assert.True((await People.LockAsync(_admin, agentId, 0)).Succeeded);

        Assert.Equal(["Maria Lopez"], (await queries.ListAsync(_admin, new PeopleQuery(Search: "lopez"))).Rows.Select(r => r.DisplayName));
        Assert.Equal(["Maria Lopez"], (await queries.ListAsync(_admin, new PeopleQuery(Search: "MARIA.LOPEZ@"))).Rows.Select(r => r.DisplayName));
        Assert.Equal(["Maria Lopez"], (await queries.ListAsync(_admin, new PeopleQuery(Locked: true))).Rows.Select(r => r.DisplayName));
        Assert.Equal(["Alex Admin"], (await queries.ListAsync(_admin, new PeopleQuery(Role: Roles.Admin))).Rows.Select(r => r.DisplayName));
        Assert.Empty((await queries.ListAsync(_admin, new PeopleQuery(Deactivated: true))).Rows);
        var page = await queries.ListAsync(_admin, new PeopleQuery(PageSize: 3, Page: 1));
        Assert.Equal((3, 10), (page.Rows.Count, page.Total));
    }
}

internal static class AdminTestData
{
    public static async Task<string> UserIdAsync(this TestDatabase db, string email)
    {
        await using var context = db.CreateContext();
        return await context.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant()).Select(u => u.Id).SingleAsync();
    }
}
