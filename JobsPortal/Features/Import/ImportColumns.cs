using System.Text;

namespace JobsPortal.Features.Import;

/// <summary>
/// The columns of a jobs file, in the template's order. A job with several items takes one row per
/// item, the job's columns repeated (they are read from its first row); a job without items has empty
/// item columns. Rows of one job come together.
/// </summary>
public static class ImportColumns
{
    public const string Number = "number";
    public const string Type = "type";
    public const string AccountNumber = "account_number";
    public const string AccountName = "account_name";
    public const string ContactEmail = "contact_email";
    public const string ContactPhone = "contact_phone";
    public const string Description = "description";
    public const string ScheduledDate = "scheduled_date";
    public const string ExpirationDate = "expiration_date";
    public const string State = "life_cycle_state";
    public const string Status = "status";
    public const string Assignee = "assignee_email";
    public const string Unit = "unit";
    public const string ItemCode = "item_product_code";
    public const string ItemKind = "item_kind";
    public const string ItemQuantity = "item_quantity";
    public const string ItemSerial = "item_serial_number";
    public const string ItemState = "item_state";

    public static readonly IReadOnlyList<string> All =
    [
        Number, Type, AccountNumber, AccountName, ContactEmail, ContactPhone, Description, ScheduledDate, ExpirationDate,
        State, Status, Assignee, Unit, ItemCode, ItemKind, ItemQuantity, ItemSerial, ItemState,
    ];

    private static readonly Dictionary<string, int> Positions = All.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);

    public static int Index(string column) => Positions[column];

    /// <summary>Columns a file must have; the others may be left out.</summary>
    public static readonly IReadOnlyList<string> Required = [Number, Type, AccountNumber, Description, State, Status];

    /// <summary>The template to download: the header and two example jobs, one with two items.</summary>
    public static byte[] Template() => Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(
        string.Join("\r\n", [string.Join(",", All), .. Examples]) + "\r\n")).ToArray();

    /// <summary>The same template as an XLSX workbook, every cell text.</summary>
    public static byte[] XlsxTemplateFile() => XlsxTemplate.Create([All, .. Examples.Select(e => e.Split(','))]);

    private static readonly string[] Examples =
    [
        "J50000001,INST,ACR000101,Ana Costa,ana.costa@example.com,+35722000101,Fibre installation at 4 Harbour Road,2026-12-01,2026-12-31,PENDING,Pending,nikos.georgiou@example.com,North Field Team,ONT-200,PHYSICAL_GOOD,1,SN-ONT-0001,PENDING",
        "J50000001,INST,ACR000101,Ana Costa,ana.costa@example.com,+35722000101,Fibre installation at 4 Harbour Road,2026-12-01,2026-12-31,PENDING,Pending,nikos.georgiou@example.com,North Field Team,SRV-FIB500,SERVICE,1,,PENDING",
        "J50000002,General job,ACR000102,Ben Ode,,,Check the outdoor box,2026-12-03,,DRAFT,Draft,,,,,,,",
    ];
}
