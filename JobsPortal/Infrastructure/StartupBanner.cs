using JobsPortal.Data.Seeding;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace JobsPortal.Infrastructure;

/// <summary>Tells whoever ran the app where it listens and, in demo mode, how to sign in.</summary>
public static class StartupBanner
{
    public static void PrintWhenStarted(WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var options = app.Services.GetRequiredService<IOptions<JobsPortalOptions>>().Value;
            Console.WriteLine();
            Console.WriteLine("JobsPortal is running. Open:");
            foreach (var address in addresses)
            {
                Console.WriteLine($"  {address.Replace("127.0.0.1", "localhost", StringComparison.Ordinal).Replace("[::]", "localhost", StringComparison.Ordinal)}");
            }
            if (options.DemoMode)
            {
                Console.WriteLine();
                Console.WriteLine($"Demo accounts (password for all: {DemoCatalog.DemoPassword}):");
                foreach (var user in DemoCatalog.Users.Where(u => u.DemoAccount))
                {
                    Console.WriteLine($"  {user.Role,-11} {user.Email,-28} {user.DisplayName}");
                }
            }
            Console.WriteLine();
        });
    }
}
