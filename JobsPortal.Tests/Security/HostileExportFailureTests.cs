using System.Data.Common;
using System.Net;
using JobsPortal.Data;
using JobsPortal.Shared;
using JobsPortal.Tests.Features.Review;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace JobsPortal.Tests.Security;

/// <summary>An app whose database reads fail once <see cref="FailReads"/> is set: a database that goes away mid-session.</summary>
public sealed class FailingReadsAppFactory : AppFactory
{
    private readonly FailingReads _reads = new();

    public bool FailReads { get => _reads.Fail; set => _reads.Fail = value; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureDbContext<JobsPortalDbContext>(o => o.AddInterceptors(_reads)));
    }

    private sealed class FailingReads : DbCommandInterceptor
    {
        public volatile bool Fail;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            Fail ? throw new InvalidOperationException("The database is gone.") : base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}

/// <summary>The export runs its query before it answers: a failing query is an error, never a file cut after its header row.</summary>
public sealed class HostileExportFailureTests(FailingReadsAppFactory factory) : IClassFixture<FailingReadsAppFactory>
{
    [Fact]
    public async Task A_failing_export_answers_an_error_before_any_row()
    {
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await HttpSignIn.PostLoginAsync(browser, ReviewTestData.Supervisor, Data.Seeding.DemoCatalog.DemoPassword)).StatusCode);

        factory.FailReads = true;
        HttpResponseMessage response;
        try
        {
            response = await browser.GetAsync($"{AppRoutes.CancellationsExport}?from=2020-01-01&to=2030-12-31&review=all");
        }
        finally
        {
            factory.FailReads = false;
        }
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.NotEqual("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Cancelled at (UTC)", body, StringComparison.Ordinal);
    }
}
