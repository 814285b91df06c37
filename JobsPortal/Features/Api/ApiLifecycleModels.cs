using System.Globalization;
using System.Text.Json.Serialization;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Cancellation;
using JobsPortal.Features.Lifecycle;

namespace JobsPortal.Features.Api;

// The request records of the life cycle methods. Names as CRM.COM's pages give them; the JobsPortal
// extensions (account_name, assigned_to_user_identifier, assigned_to_unit_identifier, items) are
// listed as such in docs/api.md.

public sealed record ApiStartProgressRequest(
    [property: JsonPropertyName("job_identifier")] EntityIdentifier JobIdentifier,
    [property: JsonPropertyName(ApiEndpoints.TokenParameter)] string? Token = null,
    [property: JsonPropertyName("status_identifier")] EntityIdentifier? StatusIdentifier = null,
    [property: JsonPropertyName("fields_set")] string? FieldsSet = null);

public sealed record ApiCompleteRequest(
    [property: JsonPropertyName("job_identifier")] EntityIdentifier JobIdentifier,
    [property: JsonPropertyName(ApiEndpoints.TokenParameter)] string? Token = null,
    [property: JsonPropertyName("status_identifier")] EntityIdentifier? StatusIdentifier = null,
    [property: JsonPropertyName("fields_set")] string? FieldsSet = null);

/// <summary>An item of a new job: a product code, its kind (PHYSICAL_GOOD, SERVICE or EXPENSE), a quantity and, for a traceable good, a serial number.</summary>
public sealed record ApiNewJobItem(
    [property: JsonPropertyName("product_code")] string? ProductCode = null,
    [property: JsonPropertyName("product_name")] string? ProductName = null,
    [property: JsonPropertyName("kind")] string? Kind = null,
    [property: JsonPropertyName("quantity")] int? Quantity = null,
    [property: JsonPropertyName("serial_number")] string? SerialNumber = null);

public sealed record ApiCreateJobRequest(
    [property: JsonPropertyName("type_identifier")] EntityIdentifier TypeIdentifier,
    [property: JsonPropertyName("accounts_receivable_identifier")] EntityIdentifier AccountsReceivableIdentifier,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName(ApiEndpoints.TokenParameter)] string? Token = null,
    [property: JsonPropertyName("status_identifier")] EntityIdentifier? StatusIdentifier = null,
    [property: JsonPropertyName("account_name")] string? AccountName = null,
    [property: JsonPropertyName("contact_email")] string? ContactEmail = null,
    [property: JsonPropertyName("contact_phone")] string? ContactPhone = null,
    [property: JsonPropertyName("notes")] string? Notes = null,
    [property: JsonPropertyName("scheduled_date")] string? ScheduledDate = null,
    [property: JsonPropertyName("expiration_date")] string? ExpirationDate = null,
    [property: JsonPropertyName("assigned_to_user_identifier")] EntityIdentifier? AssignedToUserIdentifier = null,
    [property: JsonPropertyName("assigned_to_unit_identifier")] EntityIdentifier? AssignedToUnitIdentifier = null,
    [property: JsonPropertyName("items")] List<ApiNewJobItem>? Items = null,
    [property: JsonPropertyName("fields_set")] string? FieldsSet = null)
{
    /// <summary>The service's command, or what in the request's values (dates, item kinds) cannot be read.</summary>
    internal (CreateJobCommand? Command, ApiError? Error) ToCommand(System.Security.Claims.ClaimsPrincipal actor)
    {
        var scheduledError = ReadDate("scheduled_date", ScheduledDate, out var scheduled);
        var expirationError = ReadDate("expiration_date", ExpirationDate, out var expiration);
        if ((scheduledError ?? expirationError) is { } dateError)
        {
            return (null, dateError);
        }
        var items = new List<NewJobItem>();
        foreach (var (item, index) in (Items ?? []).Select((item, index) => (item, index)))
        {
            if (item is null)
            {
                return (null, ApiError.Of(ApiErrorCodes.WrongType, $"items[{index}] is null; each item is an object."));
            }
            var kind = JobItemKind.PHYSICAL_GOOD;
            if (item.Kind is not null && !Enum.TryParse(item.Kind, ignoreCase: false, out kind) || !Enum.IsDefined(kind))
            {
                return (null, ApiError.Of(ApiErrorCodes.InvalidValue,
                    $"items[{index}].kind is '{item.Kind}'; it must be one of {string.Join(", ", Enum.GetNames<JobItemKind>())}."));
            }
            items.Add(new NewJobItem(item.ProductCode ?? "", item.ProductName, kind, item.Quantity ?? 1, item.SerialNumber));
        }
        return (new CreateJobCommand(TypeIdentifier, AccountsReceivableIdentifier, Description, actor, CancellationChannel.API)
        {
            Status = StatusIdentifier,
            AccountName = AccountName,
            ContactEmail = ContactEmail,
            ContactPhone = ContactPhone,
            Notes = Notes,
            ScheduledDate = scheduled,
            ExpirationDate = expiration,
            AssignedUser = AssignedToUserIdentifier,
            AssignedUnit = AssignedToUnitIdentifier,
            Items = items,
            RequiredScope = FulfillmentScope.GENERIC_PURPOSE,
        }, null);
    }

    /// <summary>A date as the API writes them (ISO 8601 with an offset) or a plain yyyy-MM-dd (midnight UTC); stored in UTC.</summary>
    private static ApiError? ReadDate(string parameter, string? text, out DateTime? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateTime.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var day))
        {
            value = DateTime.SpecifyKind(day, DateTimeKind.Utc);
            return null;
        }
        if (DateTimeOffset.TryParseExact(text.Trim(), ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz"],
                CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
        {
            value = moment.UtcDateTime;
            return null;
        }
        return ApiError.Of(ApiErrorCodes.InvalidValue,
            $"{parameter} is '{text}'; write a date as 2026-11-02 or a time as 2026-11-02T09:30:00+00:00.");
    }
}
