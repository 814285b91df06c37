using JobsPortal.Data.Entities;
using JobsPortal.Features.Cancellation;
using JobsPortal.Features.Lifecycle;
using JobsPortal.Shared;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JobsPortal.Tests.Features.Lifecycle;

/// <summary>Creating a job: defaults, each check and code, numbers unique under simultaneous creates.</summary>
public abstract class JobCreationServiceTests(SeededTemplate template)
{
    private const string Agent = "maria.lopez@example.com";

    private static CreateJobCommand Command(System.Security.Claims.ClaimsPrincipal actor, string type = "GEN") =>
        new(EntityIdentifier.Of("alternative_code", type), EntityIdentifier.Of("number", "acr900001"), "Replace the hallway socket", actor, CancellationChannel.API)
        {
            AccountName = "Dana Whitfield",
            ScheduledDate = new DateTime(2026, 11, 10, 0, 0, 0, DateTimeKind.Utc),
            ExpirationDate = new DateTime(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc),
            AssignedUser = EntityIdentifier.Of("username", "nikos.georgiou@example.com"),
            Items = [new NewJobItem("RTR-AX6", "Wi-Fi 6 router", JobItemKind.PHYSICAL_GOOD, 1, "SN-1"), new NewJobItem("EXP-VISIT", null, JobItemKind.EXPENSE)],
        };

    [Fact]
    public async Task A_job_without_a_status_is_created_pending_with_the_next_number_its_items_and_a_created_event()
    {
        await using var db = await template.CloneAsync();
        var changes = new List<JobChanged>();
        using var _ = db.Services.GetRequiredService<JobChangeNotifier>().Subscribe(c => { changes.Add(c); return Task.CompletedTask; });
        string highest;
        await using (var context = db.CreateContext())
        {
            highest = await context.Jobs.MaxAsync(j => j.Number);
        }

        var result = await db.Service<JobCreationService>().CreateAsync(Command(await db.PrincipalAsync(Agent)));

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(JobNumbers.Format(long.Parse(highest[1..]) + 1), result.Job!.Number);
        await using var check = db.CreateContext();
        var saved = await check.Jobs.Include(j => j.Items).Include(j => j.Events).Include(j => j.JobStatus).SingleAsync(j => j.Number == result.Job.Number);
        Assert.Equal(LifeCycleState.PENDING, saved.LifeCycleState);
        Assert.Equal("PND", saved.JobStatus.AlternativeCode);
        Assert.Equal("ACR900001", saved.AccountNumber);
        Assert.Equal("Dana Whitfield", saved.AccountName);
        Assert.NotNull(saved.AssignedUserId);
        Assert.NotNull(saved.AssignedUnitId); // the assignee's own unit
        Assert.Equal(2, saved.Items.Count);
        Assert.All(saved.Items, i => Assert.Equal(JobItemState.PENDING, i.State));
        Assert.Equal("EXP-VISIT", saved.Items.Single(i => i.Kind == JobItemKind.EXPENSE).ProductName);
        Assert.Equal("Job created via API as Pending: status Pending, 2 item(s)", Assert.Single(saved.Events).Summary);
        Assert.Contains(changes, c => c.Number == saved.Number && c.Kind == JobChangeKind.Created);
    }

    [Fact]
    public async Task A_given_status_of_an_open_state_is_used()
    {
        await using var db = await template.CloneAsync();
        var command = Command(await db.PrincipalAsync(Agent)) with { Status = EntityIdentifier.Of("alternative_code", "DRF") };

        var result = await db.Service<JobCreationService>().CreateAsync(command);

        Assert.Equal(LifeCycleState.DRAFT, result.Job?.LifeCycleState);
    }

    public static TheoryData<string, Func<CreateJobCommand, CreateJobCommand>> Mistakes => new()
    {
        { LifecycleErrorCodes.TypeNotFound, c => c with { Type = EntityIdentifier.Of("name", "No such type") } },
        { LifecycleErrorCodes.TypeNotGenericPurpose, c => c with { Type = EntityIdentifier.Of("alternative_code", "INST"), RequiredScope = FulfillmentScope.GENERIC_PURPOSE } },
        { CancelErrorCodes.IdentifierUnknownKey, c => c with { Account = EntityIdentifier.Of("id", "5") } },
        { LifecycleErrorCodes.AccountInvalid, c => c with { Account = EntityIdentifier.Of("number", new string('A', 21)) } },
        { LifecycleErrorCodes.DescriptionInvalid, c => c with { Description = "  " } },
        { LifecycleErrorCodes.FieldTooLong, c => c with { Notes = new string('n', 2001) } },
        { LifecycleErrorCodes.DatesInvalid, c => c with { ExpirationDate = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc) } },
        { LifecycleErrorCodes.ItemInvalid, c => c with { Items = [new NewJobItem("ONT-200", null, JobItemKind.PHYSICAL_GOOD, 2, "SN-2")] } },
        { LifecycleErrorCodes.ItemInvalid, c => c with { Items = [new NewJobItem(" ", null, JobItemKind.SERVICE)] } },
        { LifecycleErrorCodes.UserNotFound, c => c with { AssignedUser = EntityIdentifier.Of("username", "nobody@example.com") } },
        { LifecycleErrorCodes.UnitNotFound, c => c with { AssignedUnit = EntityIdentifier.Of("name", "Moon Base") } },
        { CancelErrorCodes.StatusNotFound, c => c with { Status = EntityIdentifier.Of("name", "Nope") } },
        { LifecycleErrorCodes.StatusNotOpenStatus, c => c with { Status = EntityIdentifier.Of("alternative_code", "CMP") } },
        { CancelErrorCodes.StatusNotAllowed, c => c with { Status = EntityIdentifier.Of("alternative_code", "ONS") } }, // GEN allows INP only
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task A_mistake_is_refused_with_its_code_and_creates_nothing(string code, Func<CreateJobCommand, CreateJobCommand> mistake)
    {
        await using var db = await template.CloneAsync();
        int before;
        await using (var context = db.CreateContext())
        {
            before = await context.Jobs.CountAsync();
        }

        var result = await db.Service<JobCreationService>().CreateAsync(mistake(Command(await db.PrincipalAsync(Agent))));

        Assert.Equal(code, result.Error?.Code);
        await using var check = db.CreateContext();
        Assert.Equal(before, await check.Jobs.CountAsync());
    }

    [Fact]
    public async Task Only_staff_may_create()
    {
        await using var db = await template.CloneAsync();

        var result = await db.Service<JobCreationService>().CreateAsync(Command(TestActors.Principal("someone")));

        Assert.Equal(CancelErrorCodes.NotAllowed, result.Error?.Code);
    }

    [Fact]
    public async Task Simultaneous_creates_get_different_numbers()
    {
        await using var db = await template.CloneAsync();
        var agent = await db.PrincipalAsync(Agent);
        using var start = new ManualResetEventSlim();

        var attempts = Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            await using var scope = db.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<JobCreationService>().CreateAsync(Command(agent));
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(attempts);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.Message));
        Assert.Equal(10, results.Select(r => r.Job!.Number).Distinct().Count());
    }
}

// One body of tests, run on each database the app supports: on PostgreSQL the next number was read with
// SQLite's GLOB, so no job could be created there until these ran on it.

public sealed class JobCreationServiceSqliteTests(SeededTemplate template) : JobCreationServiceTests(template), IClassFixture<SeededTemplate>;

public sealed class JobCreationServicePostgreSqlTests(PostgreSqlSeededTemplate template)
    : JobCreationServiceTests(template), IClassFixture<PostgreSqlSeededTemplate>;
