using NetArchTest.Rules;

namespace JobsPortal.Tests.Architecture;

/// <summary>
/// The directions the code's folders may depend on each other in. The job pages compose the Cancel
/// dialog and the review panel (Jobs → Cancellation, Jobs → Review) and start bulk cancels (Jobs → Bulk);
/// Review uses Cancellation's types; Bulk cancels through Cancellation;
/// the API calls Cancellation and the read services; everything may use Data and Shared. Nothing
/// depends on the API, Data and Shared depend on no feature, and no two features import each other.
/// </summary>
public sealed class DependencyDirectionTests
{
    private const string Root = "JobsPortal";
    private const string Data = Root + ".Data";
    private const string Shared = Root + ".Shared";
    private const string Infrastructure = Root + ".Infrastructure";
    private const string Components = Root + ".Components";
    private const string Account = Root + ".Components.Account";
    private const string Features = Root + ".Features";
    private const string Jobs = Features + ".Jobs";
    private const string Cancellation = Features + ".Cancellation";
    private const string Review = Features + ".Review";
    private const string Api = Features + ".Api";
    private const string Lifecycle = Features + ".Lifecycle";
    private const string Import = Features + ".Import";
    private const string Admin = Features + ".Admin";
    private const string Overview = Features + ".Overview";
    private const string Bulk = Features + ".Bulk";

    private static readonly string[] FeatureFolders = [Jobs, Cancellation, Review, Api, Lifecycle, Import, Admin, Overview, Bulk];

    public static TheoryData<string, string> ForbiddenDirections => new()
    {
        { Data, Features },
        { Data, Shared },
        { Data, Infrastructure },
        { Data, Components },
        { Shared, Features },
        { Shared, Infrastructure },
        { Shared, Components },
        { Jobs, Api },
        { Cancellation, Api },
        { Review, Api },
        { Cancellation, Jobs },
        { Review, Jobs },
        { Lifecycle, Api },
        { Lifecycle, Jobs },
        { Cancellation, Lifecycle },
        { Import, Api },
        { Admin, Api },
        { Admin, Jobs },
        { Jobs, Admin },
        { Cancellation, Admin },
        { Review, Admin },
        { Import, Jobs },
        { Account, Features },
        { Overview, Api },
        { Overview, Admin },
        { Bulk, Jobs },
        { Bulk, Api },
        { Cancellation, Bulk },
        { Review, Bulk },
    };

    [Theory]
    [MemberData(nameof(ForbiddenDirections))]
    public void A_folder_never_depends_on_a_forbidden_one(string from, string to)
    {
        var offenders = Offenders(from, to);
        Assert.True(offenders.Count == 0, $"{from} must not depend on {to}, but these types do: {string.Join(", ", offenders)}");
    }

    [Fact]
    public void Feature_folders_do_not_depend_on_each_other_in_a_cycle()
    {
        var edges = FeatureFolders
            .SelectMany(from => FeatureFolders.Where(to => to != from && Offenders(from, to).Count > 0).Select(to => (from, to)))
            .ToList();
        foreach (var start in FeatureFolders)
        {
            var path = Cycle(start, start, edges, [start]);
            Assert.True(path is null, $"The feature folders depend on each other in a cycle: {string.Join(" → ", path ?? [])}");
        }
    }

    [Fact]
    public void The_rules_see_the_dependencies_that_exist()
    {
        // Guards the rules above against passing vacuously (a renamed namespace would match nothing).
        Assert.NotEmpty(Offenders(Jobs, Cancellation));
        Assert.NotEmpty(Offenders(Api, Cancellation));
        Assert.NotEmpty(Offenders(Cancellation, Data));
        Assert.NotEmpty(Offenders(Review, Shared));
        Assert.NotEmpty(Offenders(Jobs, Review));
        Assert.NotEmpty(Offenders(Bulk, Cancellation));
        Assert.NotEmpty(Offenders(Jobs, Bulk));
    }

    private static List<string> Offenders(string from, string to) =>
        [.. (Types.InAssembly(typeof(Program).Assembly)
                .That().ResideInNamespace(from)
                .And().HaveDependencyOn(to)
                .GetTypes() ?? [])
            .Select(t => t.FullName ?? t.Name)];

    private static List<string>? Cycle(string start, string at, List<(string From, string To)> edges, List<string> path)
    {
        foreach (var (_, next) in edges.Where(e => e.From == at))
        {
            if (next == start)
            {
                return [.. path, next];
            }
            if (!path.Contains(next) && Cycle(start, next, edges, [.. path, next]) is { } found)
            {
                return found;
            }
        }
        return null;
    }
}
