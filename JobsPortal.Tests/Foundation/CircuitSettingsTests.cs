using JobsPortal.Infrastructure;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JobsPortal.Tests.Foundation;

/// <summary>The Blazor Server circuit limits: the values the README documents, and configuration that changes them.</summary>
public sealed class CircuitSettingsTests
{
    [Fact]
    public void Without_configuration_the_circuits_get_the_documented_limits()
    {
        var circuits = new CircuitOptions();

        new CircuitSettings().ApplyTo(circuits);

        Assert.Equal(TimeSpan.FromMinutes(3), circuits.DisconnectedCircuitRetentionPeriod);
        Assert.Equal(100, circuits.DisconnectedCircuitMaxRetained);
        Assert.Equal(TimeSpan.FromSeconds(30), circuits.JSInteropDefaultCallTimeout);
        Assert.Equal(10, circuits.MaxBufferedUnacknowledgedRenderBatches);
    }

    [Fact]
    public async Task The_app_takes_its_circuit_limits_from_the_JobsPortal_Circuits_section()
    {
        await using var app = new AppFactory { DemoMode = false };
        app.Settings[$"{CircuitSettings.Section}:{nameof(CircuitSettings.DisconnectedRetention)}"] = "00:00:45";
        app.Settings[$"{CircuitSettings.Section}:{nameof(CircuitSettings.DisconnectedMaxRetained)}"] = "7";
        app.Settings[$"{CircuitSettings.Section}:{nameof(CircuitSettings.JSInteropCallTimeout)}"] = "00:00:20";
        app.Settings[$"{CircuitSettings.Section}:{nameof(CircuitSettings.MaxUnacknowledgedRenderBatches)}"] = "4";

        var circuits = app.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(45), circuits.DisconnectedCircuitRetentionPeriod);
        Assert.Equal(7, circuits.DisconnectedCircuitMaxRetained);
        Assert.Equal(TimeSpan.FromSeconds(20), circuits.JSInteropDefaultCallTimeout);
        Assert.Equal(4, circuits.MaxBufferedUnacknowledgedRenderBatches);
    }
}
