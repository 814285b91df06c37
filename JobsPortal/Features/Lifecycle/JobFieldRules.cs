using JobsPortal.Data.Entities;
using JobsPortal.Features.Cancellation;

namespace JobsPortal.Features.Lifecycle;

/// <summary>
/// What a job's own fields must be, written once for the create method, the New job dialog and the
/// import's dry run: required text, lengths (the columns' sizes), dates in order, items that make sense.
/// Pure: each check returns the sentence of what is wrong, or null.
/// </summary>
public static class JobFieldRules
{
    public const int NumberMax = 20;
    public const int DescriptionMax = 500;
    public const int AccountNumberMax = 20;
    public const int AccountNameMax = 200;
    public const int ContactEmailMax = 200;
    public const int ContactPhoneMax = 40;
    public const int NotesMax = 2000;
    public const int ProductCodeMax = 40;
    public const int ProductNameMax = 200;
    public const int SerialMax = 60;
    public const int QuantityMax = 10_000;

    public static readonly IReadOnlyList<string> UserKeys = [EntityIdentifier.Id, "username"];
    public static readonly IReadOnlyList<string> UnitKeys = [EntityIdentifier.Id, EntityIdentifier.Name];
    public static readonly IReadOnlyList<string> AccountKeys = [EntityIdentifier.Number];

    /// <summary>The states a job can be created or imported in: the open ones.</summary>
    public static bool IsOpen(LifeCycleState state) => state.CanBeCancelled();

    public static string? Text(string field, string? value, int max, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? $"{field} is empty; it is required." : null;
        }
        return value.Trim().Length > max ? $"{field} has {value.Trim().Length} characters; at most {max} are allowed." : null;
    }

    public static string? Dates(DateTime? scheduled, DateTime? expiration) =>
        scheduled is { } s && expiration is { } e && e < s
            ? $"The expiration date {e:yyyy-MM-dd} is before the scheduled date {s:yyyy-MM-dd}."
            : null;

    /// <summary>One item's problem, or null; <paramref name="label"/> names it in the sentence ("item 2").</summary>
    public static string? Item(string label, NewJobItem item)
    {
        if (Text($"{label}: product_code", item.ProductCode, ProductCodeMax, required: true) is { } code)
        {
            return code;
        }
        if (Text($"{label}: product_name", item.ProductName, ProductNameMax) is { } name)
        {
            return name;
        }
        if (Text($"{label}: serial_number", item.SerialNumber, SerialMax) is { } serial)
        {
            return serial;
        }
        if (item.Quantity is < 1 or > QuantityMax)
        {
            return $"{label}: quantity is {item.Quantity}; it must be between 1 and {QuantityMax}.";
        }
        if (!string.IsNullOrWhiteSpace(item.SerialNumber) && item.Quantity != 1)
        {
            return $"{label}: an item with a serial number is one traceable good; its quantity must be 1, not {item.Quantity}.";
        }
        return null;
    }
}
