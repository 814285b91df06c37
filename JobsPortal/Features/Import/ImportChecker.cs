using System.Globalization;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Lifecycle;
using C = JobsPortal.Features.Import.ImportColumns;

namespace JobsPortal.Features.Import;

/// <summary>What is wrong with a row: its number in the file, the column, and a sentence.</summary>
public sealed record ImportError(int Row, string Column, string Problem);

/// <summary>A job of the file as it would be written.</summary>
public sealed record ImportedJob(
    string Number, int TypeId, int StatusId, LifeCycleState State, string AccountNumber, string? AccountName,
    string? ContactEmail, string? ContactPhone, string Description, DateTime? ScheduledDate, DateTime? ExpirationDate,
    string? AssignedUserId, int? AssignedUnitId, IReadOnlyList<ImportedItem> Items);

public sealed record ImportedItem(string ProductCode, JobItemKind Kind, int Quantity, string? SerialNumber, JobItemState State);

/// <summary>
/// Checks one job's lines against the configuration: the type, a status the type allows and of the
/// row's life cycle state (an open one), the assignee and unit, dates, and each item; job fields follow
/// the create method's rules (<see cref="JobFieldRules"/>). Job columns are read from the job's first line.
/// </summary>
public static class ImportChecker
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd HH:mm"];

    public static ImportedJob? Check(ImportGroup group, ImportCatalog catalog, List<ImportError> errors)
    {
        var before = errors.Count;
        var first = group.Lines[0];
        var row = first.Row;
        foreach (var line in group.Lines)
        {
            for (var i = 0; i < C.All.Count; i++)
            {
                if (IsFormula(line[i]))
                {
                    errors.Add(new(line.Row, C.All[i], $"'{line[i]}' looks like a spreadsheet formula; formulas are not imported. Write the value itself."));
                }
            }
        }
        if (errors.Count > before)
        {
            return null;
        }

        string? Cell(string column) => first[Index(column)] is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        void Fail(string column, string? problem)
        {
            if (problem is not null)
            {
                errors.Add(new(row, column, problem));
            }
        }

        Fail(C.Number, JobFieldRules.Text("The number", group.Number, JobFieldRules.NumberMax, required: true));
        Fail(C.AccountNumber, JobFieldRules.Text("The account number", Cell(C.AccountNumber), JobFieldRules.AccountNumberMax, required: true));
        Fail(C.AccountName, JobFieldRules.Text("The account name", Cell(C.AccountName), JobFieldRules.AccountNameMax));
        Fail(C.ContactEmail, JobFieldRules.Text("The contact email", Cell(C.ContactEmail), JobFieldRules.ContactEmailMax));
        Fail(C.ContactPhone, JobFieldRules.Text("The contact phone", Cell(C.ContactPhone), JobFieldRules.ContactPhoneMax));
        Fail(C.Description, JobFieldRules.Text("The description", Cell(C.Description), JobFieldRules.DescriptionMax, required: true));

        var type = Cell(C.Type) is { } typeText ? catalog.Type(typeText) : null;
        Fail(C.Type, Cell(C.Type) is null ? "The type is empty; give its name or alternative code." : type is null ? $"No job type is named or coded '{Cell(C.Type)}'." : null);

        LifeCycleState state = default;
        var stateText = Cell(C.State)?.Replace(' ', '_').ToUpperInvariant();
        var stateOk = stateText is not null && Enum.TryParse(stateText, out state) && Enum.IsDefined(state);
        Fail(C.State, !stateOk ? $"'{Cell(C.State)}' is not a life cycle state; use DRAFT, PENDING or IN_PROGRESS."
            : !JobFieldRules.IsOpen(state) ? $"Only open jobs (DRAFT, PENDING, IN_PROGRESS) are imported, not {state}." : null);

        var status = Cell(C.Status) is { } statusText ? catalog.Status(statusText) : null;
        if (status is null)
        {
            Fail(C.Status, Cell(C.Status) is null ? "The status is empty; give its name or alternative code." : $"No job status is named or coded '{Cell(C.Status)}'.");
        }
        else if (stateOk && status.State != state)
        {
            Fail(C.Status, $"The status '{status.Name}' is a {status.State} status, but the row's life cycle state is {state}.");
        }
        else if (type is not null && !type.AllowedStatusIds.Contains(status.Id))
        {
            Fail(C.Status, $"The status '{status.Name}' is not allowed for jobs of type '{type.Name}'.");
        }

        var person = Cell(C.Assignee) is { } email ? catalog.PersonByEmail(email) : null;
        Fail(C.Assignee, Cell(C.Assignee) is not null && person is null ? $"No user has the email '{Cell(C.Assignee)}'." : null);
        var unit = Cell(C.Unit) is { } unitName ? catalog.Unit(unitName) : null;
        Fail(C.Unit, Cell(C.Unit) is not null && unit is null ? $"No unit is named '{Cell(C.Unit)}'." : null);

        var scheduled = Date(Cell(C.ScheduledDate), C.ScheduledDate, row, errors);
        var expiration = Date(Cell(C.ExpirationDate), C.ExpirationDate, row, errors);
        Fail(C.ExpirationDate, JobFieldRules.Dates(scheduled, expiration));

        var items = new List<ImportedItem>();
        foreach (var line in group.Lines)
        {
            if (Item(line, errors) is { } item)
            {
                items.Add(item);
            }
        }
        if (errors.Count > before)
        {
            return null;
        }
        return new ImportedJob(group.Number, type!.Id, status!.Id, state, Cell(C.AccountNumber)!.ToUpperInvariant(), Cell(C.AccountName),
            Cell(C.ContactEmail), Cell(C.ContactPhone), Cell(C.Description)!, scheduled, expiration,
            person?.Id, unit ?? person?.UnitId, items);
    }

    private static ImportedItem? Item(ImportLine line, List<ImportError> errors)
    {
        string? Cell(string column) => line[Index(column)] is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        var code = Cell(C.ItemCode);
        if (code is null)
        {
            if ((Cell(C.ItemKind) ?? Cell(C.ItemQuantity) ?? Cell(C.ItemSerial) ?? Cell(C.ItemState)) is not null)
            {
                errors.Add(new(line.Row, C.ItemCode, "The item has no product code."));
            }
            return null;
        }
        var before = errors.Count;
        var kind = JobItemKind.PHYSICAL_GOOD;
        if (Cell(C.ItemKind) is { } kindText && (!Enum.TryParse(kindText.ToUpperInvariant(), out kind) || !Enum.IsDefined(kind)))
        {
            errors.Add(new(line.Row, C.ItemKind, $"'{kindText}' is not an item kind; use {string.Join(", ", Enum.GetNames<JobItemKind>())}."));
        }
        var quantity = 1;
        if (Cell(C.ItemQuantity) is { } quantityText && !int.TryParse(quantityText, NumberStyles.None, CultureInfo.InvariantCulture, out quantity))
        {
            errors.Add(new(line.Row, C.ItemQuantity, $"'{quantityText}' is not a whole number."));
        }
        var state = JobItemState.PENDING;
        if (Cell(C.ItemState) is { } stateText && (!Enum.TryParse(stateText.ToUpperInvariant(), out state) || !Enum.IsDefined(state)))
        {
            errors.Add(new(line.Row, C.ItemState, $"'{stateText}' is not an item state; use {string.Join(", ", Enum.GetNames<JobItemState>())}."));
        }
        if (errors.Count == before && JobFieldRules.Item("The item", new NewJobItem(code, null, kind, quantity, Cell(C.ItemSerial))) is { } problem)
        {
            errors.Add(new(line.Row, C.ItemCode, problem));
        }
        return errors.Count > before ? null : new ImportedItem(code, kind, quantity, Cell(C.ItemSerial), state);
    }

    private static DateTime? Date(string? text, string column, int row, List<ImportError> errors)
    {
        if (text is null)
        {
            return null;
        }
        if (DateTimeOffset.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return value.UtcDateTime;
        }
        errors.Add(new(row, column, $"'{text}' is not a date; write 2026-11-02 (or 2026-11-02T09:30:00+00:00)."));
        return null;
    }

    /// <summary>What a spreadsheet would run: a leading =, @, or + or - not followed by a digit (a signed number is not a formula).</summary>
    private static bool IsFormula(string? cell)
    {
        var text = cell?.TrimStart();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        return text[0] is '=' or '@' || (text[0] is '+' or '-' && (text.Length == 1 || !char.IsAsciiDigit(text[1])));
    }

    private static int Index(string column) => ImportColumns.Index(column);
}
