using JobsPortal.Shared;
using JobsPortal.Features.Cancellation;
using JobsPortal.Features.Lifecycle;

namespace JobsPortal.Features.Api;

/// <summary>
/// The stable <c>status.code</c> of every failure the HTTP API can answer with, besides the
/// cancellation service's own <see cref="CancelErrorCodes"/>. Integrations rely on them: never rename one.
/// </summary>
public static class ApiErrorCodes
{
    public const string Ok = "OK";
    public const string InvalidJson = "INVALID_JSON";
    public const string UnknownParameter = "UNKNOWN_PARAMETER";
    public const string DuplicateParameter = "DUPLICATE_PARAMETER";
    public const string MissingParameter = "MISSING_PARAMETER";
    public const string WrongType = "WRONG_TYPE";
    public const string InvalidValue = "INVALID_VALUE";
    public const string IdentifierMalformed = "IDENTIFIER_MALFORMED";
    public const string UnknownField = "UNKNOWN_FIELD";
    public const string JobTypeNotFound = "JOB_TYPE_NOT_FOUND";
    public const string MethodNotFound = "METHOD_NOT_FOUND";
    public const string InvalidCredentials = "INVALID_CREDENTIALS";
    public const string AccountLockedOut = "ACCOUNT_LOCKED_OUT";
    public const string TokenMissing = "TOKEN_MISSING";
    public const string TokenInvalid = "TOKEN_INVALID";
    public const string TokenExpired = "TOKEN_EXPIRED";
    public const string TokenRevoked = "TOKEN_REVOKED";
    public const string RateLimited = "RATE_LIMITED";
    public const string InternalError = "INTERNAL_ERROR";
}

/// <summary>A failure to answer with: its code, the HTTP status the catalogue gives that code, and a sentence for a person.</summary>
public sealed record ApiError(string Code, string Message, int HttpStatus)
{
    public static ApiError Of(string code, string message) => new(code, message, ApiErrorCatalog.HttpStatusOf(code));

    /// <summary>A cancellation service failure: its kind decides the HTTP status (Invalid 400, NotFound 404, Conflict 409, Forbidden 403).</summary>
    public static ApiError From(CancelError error) => new(error.Code, error.Message, ApiErrorCatalog.HttpStatusOf(error.Kind));
}

/// <summary>
/// Every error code with its HTTP status and what it means: the single source for the responses'
/// <c>status.description</c>, the OpenAPI document and (checked by a test) the table in docs/api.md.
/// </summary>
public static class ApiErrorCatalog
{
    public sealed record Entry(string Code, int HttpStatus, string Description);

    public static readonly IReadOnlyList<Entry> All =
    [
        // The request itself.
        new(ApiErrorCodes.InvalidJson, 400, "The body is not a JSON object."),
        new(ApiErrorCodes.UnknownParameter, 400, "A parameter that this method does not take was sent."),
        new(ApiErrorCodes.DuplicateParameter, 400, "A parameter was sent more than once."),
        new(ApiErrorCodes.MissingParameter, 400, "A mandatory parameter is missing."),
        new(ApiErrorCodes.WrongType, 400, "A parameter has the wrong JSON type (for example a string where a boolean belongs)."),
        new(ApiErrorCodes.InvalidValue, 400, "A parameter has a value outside the allowed ones (life cycle state, paging, a fields_set that names no field)."),
        new(ApiErrorCodes.IdentifierMalformed, 400, "An identifier in a query string is not written key=value."),
        new(CancelErrorCodes.IdentifierEmpty, 400, "An identifier has no key with a value."),
        new(CancelErrorCodes.IdentifierAmbiguous, 400, "An identifier has more than one key; give exactly one."),
        new(CancelErrorCodes.IdentifierUnknownKey, 400, "An identifier has a key that this entity cannot be identified by."),
        new(ApiErrorCodes.UnknownField, 400, "fields_set names a field that the job does not have."),
        new(ApiErrorCodes.MethodNotFound, 404, "There is no such API method (path and HTTP verb)."),
        new(ApiErrorCodes.InternalError, 500, "The server failed while answering; the details are in its log, never in the answer."),
        // Signing in and the token.
        new(ApiErrorCodes.InvalidCredentials, 401, "The username or password is not right."),
        new(ApiErrorCodes.AccountLockedOut, 401, "The account is locked out after too many failed sign-ins; its tokens stop working too."),
        new(ApiErrorCodes.TokenMissing, 401, "No token was sent (Authorization: Bearer header, token body field, or token query parameter on GET)."),
        new(ApiErrorCodes.TokenInvalid, 401, "The token is not one this server issued, or it was altered."),
        new(ApiErrorCodes.TokenExpired, 401, "The token is older than two hours; get a new one."),
        new(ApiErrorCodes.TokenRevoked, 401, "The token's account was removed or its security stamp changed (password reset, sign-out everywhere)."),
        new(CancelErrorCodes.NotAllowed, 403, "The account's role may not use this method."),
        new(ApiErrorCodes.RateLimited, 429, "Too many token requests from this address; wait for Retry-After seconds."),
        // Cancelling: the cancellation service's rules (domain §4).
        new(CancelErrorCodes.JobNotFound, 404, "No job has the given identifier."),
        new(ApiErrorCodes.JobTypeNotFound, 404, "No job type has the given identifier."),
        new(CancelErrorCodes.JobAlreadyCancelled, 409, "The job is already cancelled; the message says by whom and when."),
        new(CancelErrorCodes.JobCompleted, 409, "The job is completed and can no longer be cancelled."),
        new(CancelErrorCodes.JobChanged, 409, "The job was changed by someone else at the same moment; nothing was cancelled, try again."),
        new(CancelErrorCodes.StatusNotFound, 400, "No job status has the given identifier."),
        new(CancelErrorCodes.StatusNotCancelStatus, 400, "The given status is not a status of life cycle state CANCELLED."),
        new(CancelErrorCodes.StatusNotAllowed, 400, "The given cancel status is not allowed for the job's type."),
        new(CancelErrorCodes.ReasonNotFound, 400, "No cancellation reason has the given identifier."),
        new(CancelErrorCodes.ReasonNotAllowed, 400, "The given reason is not allowed for the job's type."),
        new(CancelErrorCodes.ReasonRetired, 400, "The given reason is retired and can no longer be used."),
        new(CancelErrorCodes.NoDefaultStatus, 400, "No status was given and the job's type has no default cancel status."),
        new(CancelErrorCodes.NoDefaultReason, 400, "No reason was given and the job's type has no usable default reason."),
        new(CancelErrorCodes.NoteTooLong, 400, "The note is longer than 500 characters."),
        // Creating, starting and completing: the life cycle services' rules (domain §1).
        new(LifecycleErrorCodes.JobNotPending, 409, "Only a PENDING job can be started; the message says which state the job is in."),
        new(LifecycleErrorCodes.JobNotInProgress, 409, "Only an IN_PROGRESS job can be completed; the message says which state the job is in."),
        new(LifecycleErrorCodes.JobAlreadyCompleted, 409, "The job is already completed; the message says by whom and when."),
        new(LifecycleErrorCodes.StatusNotStartStatus, 400, "The given status is not a status of life cycle state IN_PROGRESS."),
        new(LifecycleErrorCodes.StatusNotCompleteStatus, 400, "The given status is not a status of life cycle state COMPLETED."),
        new(LifecycleErrorCodes.StatusNotOpenStatus, 400, "A new job's status must be of life cycle state DRAFT, PENDING or IN_PROGRESS."),
        new(LifecycleErrorCodes.NoDefaultStartStatus, 400, "No status was given and the job's type has no default start status."),
        new(LifecycleErrorCodes.NoDefaultCompleteStatus, 400, "No status was given and the job's type has no default complete status."),
        new(LifecycleErrorCodes.NoPendingStatus, 400, "No status was given and the type allows no PENDING status for a new job."),
        new(LifecycleErrorCodes.TypeNotGenericPurpose, 400, "jobs/generic_purpose/create takes only job types of fulfillment scope GENERIC_PURPOSE."),
        new(LifecycleErrorCodes.AccountInvalid, 400, "The account number is empty or longer than 20 characters."),
        new(LifecycleErrorCodes.DescriptionInvalid, 400, "The description is empty or longer than 500 characters."),
        new(LifecycleErrorCodes.DatesInvalid, 400, "The expiration date is before the scheduled date."),
        new(LifecycleErrorCodes.UserNotFound, 400, "No user has the given identifier."),
        new(LifecycleErrorCodes.UnitNotFound, 400, "No unit has the given identifier."),
        new(LifecycleErrorCodes.ItemInvalid, 400, "An item has no product code, a quantity out of range, or a serial number with a quantity other than 1."),
        new(LifecycleErrorCodes.FieldTooLong, 400, "A text field is longer than its column allows (the message names it)."),
        // Reopening (a JobsPortal extension): the reopen service's rules.
        new(ReopenErrorCodes.JobNotCancelled, 409, "Only a cancelled job can be reopened; the message says which state the job is in."),
        new(ReopenErrorCodes.JobAlreadyReopened, 409, "The job's cancellation was already reopened; the message says by whom and when."),
        new(ReopenErrorCodes.WindowPassed, 409, "The cancellation is older than the reopen window (30 days unless configured otherwise)."),
        new(ReopenErrorCodes.NotReopenable, 409, "The cancellation was recorded before JobsPortal kept what a cancel changes, so it cannot be reopened."),
        new(ReopenErrorCodes.ReasonRequired, 400, "A reopen needs a reason."),
        new(ReopenErrorCodes.ReasonTooLong, 400, "The reopen's reason is longer than 500 characters."),
    ];

    private static readonly Dictionary<string, Entry> ByCode = All.ToDictionary(e => e.Code, StringComparer.Ordinal);

    public static int HttpStatusOf(string code) => ByCode.TryGetValue(code, out var entry) ? entry.HttpStatus : StatusCodes.Status400BadRequest;

    public static string DescriptionOf(string code) => ByCode.TryGetValue(code, out var entry) ? entry.Description : "";

    /// <summary>The HTTP status a cancellation failure maps to, by its kind.</summary>
    public static int HttpStatusOf(CancelErrorKind kind) => kind switch
    {
        CancelErrorKind.NotFound => StatusCodes.Status404NotFound,
        CancelErrorKind.Conflict => StatusCodes.Status409Conflict,
        CancelErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status400BadRequest,
    };
}
