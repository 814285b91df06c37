using System.Text.Json.Serialization;
using JobsPortal.Features.Cancellation;

namespace JobsPortal.Features.Api;

// The wire shapes of the API, named as CRM.COM names them (snake_case). Ids are strings, as in
// CRM.COM's responses; dates are ISO 8601 with an offset (always +00:00: JobsPortal stores UTC).

public sealed record ApiStatus(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("description")] string Description);

/// <summary>CRM.COM's envelope around every answer: <c>status</c>, then <c>data</c> (an object, an array, or null on errors).</summary>
public sealed record ApiEnvelope<T>(
    [property: JsonPropertyName("status")] ApiStatus Status,
    [property: JsonPropertyName("data")] T? Data);

public sealed record ApiNamed(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name);

public sealed record ApiAssignedTo(
    [property: JsonPropertyName("user")] ApiNamed? User,
    [property: JsonPropertyName("unit")] ApiNamed? Unit);

public sealed record ApiJobType(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("alternative_code")] string AlternativeCode,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("fulfillment_scope")] string FulfillmentScope,
    [property: JsonPropertyName("fulfillment_method")] string FulfillmentMethod);

public sealed record ApiJobStatus(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("alternative_code")] string AlternativeCode,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("life_cycle_state")] string LifeCycleState);

/// <summary>Who created and last updated the job, and when; the users are given by their username.</summary>
public sealed record ApiLogInformation(
    [property: JsonPropertyName("created_date")] string CreatedDate,
    [property: JsonPropertyName("updated_date")] string UpdatedDate,
    [property: JsonPropertyName("created_by_user")] string? CreatedByUser,
    [property: JsonPropertyName("updated_by_user")] string? UpdatedByUser);

/// <summary>The job object of CRM.COM's jobs methods (seed page, "Response Data").</summary>
public sealed record ApiJob(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("number")] string Number,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("life_cycle_state")] string LifeCycleState,
    [property: JsonPropertyName("rating_state")] string RatingState,
    [property: JsonPropertyName("expiration_date")] string? ExpirationDate,
    [property: JsonPropertyName("scheduled_date")] string? ScheduledDate,
    [property: JsonPropertyName("assigned_to")] ApiAssignedTo AssignedTo,
    [property: JsonPropertyName("type")] ApiJobType Type,
    [property: JsonPropertyName("status")] ApiJobStatus Status,
    [property: JsonPropertyName("log_information")] ApiLogInformation LogInformation)
{
    /// <summary>The top-level fields, in order: what <c>fields_set</c> may name.</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        "id", "number", "description", "life_cycle_state", "rating_state", "expiration_date", "scheduled_date",
        "assigned_to", "type", "status", "log_information",
    ];
}

/// <summary>A status a job type allows (<c>jobs/configuration/statuses/list</c>); <c>id</c> is the status's id.</summary>
public sealed record ApiStatusRow(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("default")] bool Default,
    [property: JsonPropertyName("status")] ApiJobStatus Status);

public sealed record ApiCancellationReason(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("alternative_code")] string AlternativeCode,
    [property: JsonPropertyName("description")] string? Description);

/// <summary>A reason a job type allows (<c>jobs/configuration/cancellation_reasons/list</c>); <c>id</c> is the reason's id.</summary>
public sealed record ApiReasonRow(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("default")] bool Default,
    [property: JsonPropertyName("cancellation_reason")] ApiCancellationReason CancellationReason);

public sealed record ApiToken(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] long ExpiresIn,
    [property: JsonPropertyName("expiration_date")] string ExpirationDate);

// Request bodies: the contract of the POST methods. ApiBody deserializes the body into them, strictly
// (no other member, none twice, the right JSON types); the OpenAPI document shows them. A member that
// is not nullable is a mandatory parameter. Identifiers are objects with exactly one key, such as
// {"number":"J00000418"}, read as given (EntityIdentifierJsonConverter) so their check can name them.

public sealed record ApiTokenRequest(
    [property: JsonPropertyName("username")] string Username,
    [property: JsonPropertyName("password")] string Password,
    [property: JsonPropertyName("organisation")] string? Organisation = null);

public sealed record ApiCancelRequest(
    [property: JsonPropertyName("job_identifier")] EntityIdentifier JobIdentifier,
    [property: JsonPropertyName(ApiEndpoints.TokenParameter)] string? Token = null,
    [property: JsonPropertyName("status_identifier")] EntityIdentifier? StatusIdentifier = null,
    [property: JsonPropertyName("cancellation_reason_identifier")] EntityIdentifier? CancellationReasonIdentifier = null,
    [property: JsonPropertyName("cancel_provided_items")] bool? CancelProvidedItems = null,
    [property: JsonPropertyName("fields_set")] string? FieldsSet = null,
    [property: JsonPropertyName("note")] string? Note = null);
