using Microsoft.AspNetCore.Components.Server;

namespace JobsPortal.Infrastructure;

/// <summary>
/// The Blazor Server circuit limits, set on purpose rather than left to the framework's defaults
/// (<c>JobsPortal:Circuits</c> in configuration). A circuit is one open tab: its components, their
/// render trees and its scoped services live in the server's memory for as long as the tab is open,
/// and for <see cref="DisconnectedRetention"/> after its connection drops, so a person on a flaky
/// network comes back to the same page. What one idle /jobs circuit costs is measured by
/// bench/run-circuits.sh (docs/performance.md, "Memory per open page").
/// </summary>
public sealed class CircuitSettings
{
    public const string Section = "JobsPortal:Circuits";

    /// <summary>How long a circuit whose connection dropped is kept for the tab to reconnect to.</summary>
    public TimeSpan DisconnectedRetention { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>At most this many disconnected circuits are kept; beyond it the oldest is dropped first.</summary>
    public int DisconnectedMaxRetained { get; set; } = 100;

    /// <summary>How long the server waits for the browser to answer a JavaScript call.</summary>
    public TimeSpan JSInteropCallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Render batches a slow browser may leave unacknowledged before the circuit waits for it.</summary>
    public int MaxUnacknowledgedRenderBatches { get; set; } = 10;

    public void ApplyTo(CircuitOptions circuits)
    {
        circuits.DisconnectedCircuitRetentionPeriod = DisconnectedRetention;
        circuits.DisconnectedCircuitMaxRetained = DisconnectedMaxRetained;
        circuits.JSInteropDefaultCallTimeout = JSInteropCallTimeout;
        circuits.MaxBufferedUnacknowledgedRenderBatches = MaxUnacknowledgedRenderBatches;
    }
}
