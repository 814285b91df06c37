using JobsPortal.Infrastructure;

if (args.Length > 0 && args[0] == GenerateCommand.Name)
{
    return await GenerateCommand.RunAsync(args[1..]);
}
if (args.Length > 0 && args[0] == AdminCommand.Name)
{
    return await AdminCommand.RunAsync(args[1..]);
}
if (args.Length > 0 && args[0] == ConfigureCommand.Name)
{
    return await ConfigureCommand.RunAsync(args[1..]);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddJobsPortal();

var app = builder.Build();
app.UseJobsPortal();

await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
}
StartupBanner.PrintWhenStarted(app);

await app.RunAsync();
return 0;

public partial class Program;
