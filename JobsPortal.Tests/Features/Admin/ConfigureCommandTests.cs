using JobsPortal.Infrastructure;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Tests.Features.Admin;

/// <summary><c>dotnet run --project JobsPortal -- configure --standard</c>: the standard configuration from the command line.</summary>
public sealed class ConfigureCommandTests
{
    private static async Task<(int Exit, string Output, string Errors)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await ConfigureCommand.RunAsync(args, output, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    [Fact]
    public async Task Configures_an_empty_database_once_and_then_refuses()
    {
        await using var db = await TestDatabase.CreateAsync();

        var first = await RunAsync("--standard", "--database", db.Path);
        var second = await RunAsync("--standard", "--database", db.Path);

        Assert.Equal(0, first.Exit);
        Assert.Contains("12 job types", first.Output, StringComparison.Ordinal);
        Assert.Equal(1, second.Exit);
        Assert.Contains("exist already", second.Errors, StringComparison.Ordinal);
        await using var context = db.CreateContext();
        Assert.Equal(12, await context.JobTypes.CountAsync());
        Assert.Equal("System", (await context.AdminAudit.SingleAsync(a => a.Area == "Configuration")).ActorName);
    }

    [Fact]
    public async Task Without_standard_it_prints_the_usage()
    {
        var (exit, _, errors) = await RunAsync();

        Assert.Equal(2, exit);
        Assert.Contains("Usage: configure --standard", errors, StringComparison.Ordinal);
    }
}
