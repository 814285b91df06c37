using JobsPortal.Data.Entities;

namespace JobsPortal.Data.Seeding;

/// <summary>
/// The fixed reference data of the demo: a subscription provider's statuses, job types, reasons,
/// units and people (domain §6). Kept as plain data so the seed test can read the same lists.
/// </summary>
public static class DemoCatalog
{
    public const string DemoPassword = "Demo!2026";

    public sealed record StatusSeed(string Code, string Name, LifeCycleState State, string Description);

    public sealed record TypeSeed(
        string Code, string Name, FulfillmentScope Scope, FulfillmentMethod Method, string Description,
        string[] Statuses, string StartStatus, string CompleteStatus, string CancelStatus,
        string[] Reasons, string DefaultReason, string[] Goods, string[] Services);

    public sealed record ReasonSeed(string Code, string Name, string Description, bool Retired);

    public sealed record UserSeed(string Email, string DisplayName, string Role, string Unit, bool DemoAccount);

    public static readonly StatusSeed[] Statuses =
    [
        new("DRF", "Draft", LifeCycleState.DRAFT, "Being prepared; not yet sent to the field."),
        new("PND", "Pending", LifeCycleState.PENDING, "Ready and waiting to be started."),
        new("AWE", "Awaiting equipment", LifeCycleState.PENDING, "Waiting for equipment to arrive from the warehouse."),
        new("INP", "In progress", LifeCycleState.IN_PROGRESS, "Work has started."),
        new("ONS", "Technician on site", LifeCycleState.IN_PROGRESS, "A technician is at the customer's premises."),
        new("CMP", "Completed", LifeCycleState.COMPLETED, "All work done."),
        new("CMPP", "Completed - partially", LifeCycleState.COMPLETED, "Done, with some items left for a follow-up job."),
        new("CNL", "Cancelled", LifeCycleState.CANCELLED, "Cancelled."),
        new("CNLC", "Cancelled by customer", LifeCycleState.CANCELLED, "The customer asked to cancel."),
        new("CNLD", "Cancelled - duplicate", LifeCycleState.CANCELLED, "Another job covers the same work."),
        new("CNLT", "Cancelled - not feasible", LifeCycleState.CANCELLED, "The work cannot be done at this location."),
    ];

    public static readonly ReasonSeed[] Reasons =
    [
        new("R", "Regret", "The customer changed their mind within the cooling-off period.", false),
        new("WII", "Wrong Input/Missing Information", "The job was raised with wrong or missing details.", false),
        new("CU", "Customer unreachable", "Three contact attempts failed; the customer could not be reached.", false),
        new("DUP", "Duplicate job", "Another open job already covers this work.", false),
        new("TI", "Technically infeasible", "A survey found the work cannot be done at this address.", false),
        new("PAY", "Payment issue", "The account is in arrears or the payment method was declined.", false),
        new("WTH", "Weather delay", "Cancelled because of severe weather (retired: such jobs are now rescheduled).", true),
    ];

    private static readonly string[] AllOpen = ["DRF", "PND", "AWE", "INP", "ONS", "CMP", "CMPP"];
    private static readonly string[] Simple = ["DRF", "PND", "INP", "CMP"];

    public static readonly TypeSeed[] Types =
    [
        new("INST", "Fibre installation", FulfillmentScope.NEW_SUBSCRIPTION, FulfillmentMethod.BASED_ON_DELIVERED_ITEMS,
            "Install fibre broadband and equipment for a new subscription.",
            [.. AllOpen, "CNL", "CNLC", "CNLD", "CNLT"], "INP", "CMP", "CNLC",
            ["R", "WII", "CU", "DUP", "TI", "PAY", "WTH"], "R",
            ["ONT-200|Fibre ONT modem", "RTR-AX6|Wi-Fi 6 router", "STB-4K|4K set-top box"], ["SRV-FIB500|Fibre 500 broadband", "SRV-TVB|TV basic package"]),
        new("ACT", "Service activation", FulfillmentScope.ACTIVATE_SUBSCRIPTION, FulfillmentMethod.BASED_ON_ORDERED_ITEMS,
            "Activate a subscription whose equipment is already in place.",
            [.. Simple, "CNL", "CNLD"], "INP", "CMP", "CNL",
            ["R", "WII", "DUP", "PAY"], "WII",
            [], ["SRV-FIB500|Fibre 500 broadband", "SRV-MOB|Mobile SIM plan"]),
        new("ADDS", "Add services", FulfillmentScope.ADD_SUBSCRIPTION_SERVICES, FulfillmentMethod.BASED_ON_ORDERED_ITEMS,
            "Add TV packages or add-ons to an existing subscription.",
            [.. Simple, "CNL", "CNLC"], "INP", "CMP", "CNLC",
            ["R", "WII", "PAY", "DUP"], "R",
            ["STB-4K|4K set-top box"], ["SRV-TVP|TV premium package", "SRV-SPT|Sports add-on", "SRV-IPV|Static IP address"]),
        new("REMS", "Remove services", FulfillmentScope.CANCEL_SUBSCRIPTION_SERVICES, FulfillmentMethod.BASED_ON_ORDERED_ITEMS,
            "Remove services from a subscription at the customer's request.",
            [.. Simple, "CNL"], "INP", "CMP", "CNL",
            ["R", "WII", "DUP"], "WII",
            [], ["SRV-SPT|Sports add-on", "SRV-TVP|TV premium package"]),
        new("SWAP", "Equipment swap", FulfillmentScope.SWAP_SUBSCRIPTION_INSTALLED_ITEMS, FulfillmentMethod.BASED_ON_DELIVERED_ITEMS,
            "Replace faulty or outdated installed equipment.",
            [.. AllOpen, "CNL", "CNLD", "CNLT"], "ONS", "CMP", "CNL",
            ["R", "WII", "CU", "DUP", "TI", "WTH"], "CU",
            ["RTR-AX6|Wi-Fi 6 router", "STB-4K|4K set-top box", "ONT-200|Fibre ONT modem", "MSH-3|Mesh Wi-Fi extender"], ["EXP-VISIT|Technician visit fee"]),
        new("RELO", "Relocation", FulfillmentScope.CHANGE_SUBSCRIPTION_LOCATION, FulfillmentMethod.BASED_ON_DELIVERED_ITEMS,
            "Move a subscription and its equipment to a new address.",
            [.. AllOpen, "CNL", "CNLC", "CNLT"], "INP", "CMP", "CNLC",
            ["R", "WII", "CU", "TI", "PAY"], "R",
            ["ONT-200|Fibre ONT modem", "RTR-AX6|Wi-Fi 6 router"], ["EXP-MOVE|Relocation fee"]),
        new("REPR", "Repair visit", FulfillmentScope.SUBSCRIPTION_MAINTAINANCE, FulfillmentMethod.BASED_ON_DELIVERED_ITEMS,
            "Diagnose and fix a fault at the customer's premises.",
            ["DRF", "PND", "INP", "ONS", "CMP", "CNL", "CNLD"], "ONS", "CMP", "CNL",
            ["CU", "DUP", "WII", "WTH"], "CU",
            ["CBL-RG6|Coaxial cable kit", "PSU-12V|Power supply unit"], ["EXP-VISIT|Technician visit fee"]),
        new("DISC", "Disconnection", FulfillmentScope.CANCEL_SUBSCRIPTION, FulfillmentMethod.BASED_ON_ORDERED_ITEMS,
            "Disconnect a subscription and collect the equipment.",
            [.. Simple, "CNL", "CNLC"], "INP", "CMP", "CNLC",
            ["R", "WII", "PAY"], "R",
            ["RTR-AX6|Wi-Fi 6 router", "STB-4K|4K set-top box"], ["EXP-COLL|Equipment collection"]),
        new("GEN", "General job", FulfillmentScope.GENERIC_PURPOSE, FulfillmentMethod.BASED_ON_ORDERED_ITEMS,
            "Any other work for a customer.",
            [.. Simple, "CNL"], "INP", "CMP", "CNL",
            ["WII", "DUP", "CU"], "WII",
            ["CBL-RG6|Coaxial cable kit"], ["EXP-VISIT|Technician visit fee"]),
    ];

    public static readonly (string BusinessUnit, string[] Units)[] Organisation =
    [
        ("Customer Care", ["Support Desk", "Retention"]),
        ("Field Operations", ["North Field Team", "South Field Team"]),
    ];

    public static readonly UserSeed[] Users =
    [
        new("maria.lopez@example.com", "Maria Lopez", Roles.Agent, "Support Desk", true),
        new("tom.becker@example.com", "Tom Becker", Roles.Agent, "Support Desk", true),
        new("sara.khan@example.com", "Sara Khan", Roles.Supervisor, "Support Desk", true),
        new("admin@example.com", "Alex Admin", Roles.Admin, "Support Desk", true),
        new("liam.obrien@example.com", "Liam O'Brien", Roles.Agent, "Retention", false),
        new("chen.wei@example.com", "Chen Wei", Roles.Supervisor, "Retention", false),
        new("nikos.georgiou@example.com", "Nikos Georgiou", Roles.Agent, "North Field Team", false),
        new("elena.petrou@example.com", "Elena Petrou", Roles.Agent, "North Field Team", false),
        new("james.carter@example.com", "James Carter", Roles.Agent, "South Field Team", false),
        new("aisha.bello@example.com", "Aisha Bello", Roles.Agent, "South Field Team", false),
    ];
}
