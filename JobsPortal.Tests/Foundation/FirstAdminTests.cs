using System.Net;
using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Data.Seeding;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JobsPortal.Tests.Foundation;

public sealed class FirstAdminTests
{
    [Fact]
    public async Task Outside_demo_mode_nothing_is_seeded_and_the_first_admin_comes_from_configuration()
    {
        await using var factory = new AppFactory { DemoMode = false };
        factory.Settings["JobsPortal:AdminEmail"] = "root@example.org";
        factory.Settings["JobsPortal:AdminPassword"] = "Str0ng!Passw0rd";
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var login = await client.GetStringAsync("/Account/Login");
        Assert.DoesNotContain("Demo accounts", login, StringComparison.Ordinal);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<JobsPortalDbContext>>().CreateDbContext();
            Assert.Equal(0, await db.Jobs.CountAsync());
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var admins = await users.GetUsersInRoleAsync(Roles.Admin);
            Assert.Equal("root@example.org", Assert.Single(admins).Email);
            Assert.Null(await users.FindByEmailAsync("maria.lopez@example.com"));
        }

        var demo = await HttpSignIn.PostLoginAsync(client, "admin@example.com", DemoCatalog.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, demo.StatusCode);
        var admin = await HttpSignIn.PostLoginAsync(client, "root@example.org", "Str0ng!Passw0rd");
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
    }
}
