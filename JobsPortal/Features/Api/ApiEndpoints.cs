using System.Security.Claims;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Cancellation;
using JobsPortal.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;

namespace JobsPortal.Features.Api;

/// <summary>
/// The methods of CRM.COM's Web API that JobsPortal offers, under <c>/crmapi/rest/v2/</c>. Each reads
/// its parameters itself (<see cref="ApiBody"/>, <see cref="ApiQuery"/>), checks all of them before it
/// touches anything, and answers with <see cref="ApiResult"/>. Cancelling goes through the same
/// <see cref="CancellationService"/> as the portal's dialog, with channel API.
/// </summary>
internal static class ApiEndpoints
{
    public const string TokenParameter = "token";

    private static readonly string[] TokenParameters = ["username", "password", "organisation"];
    private static readonly string[] CancelParameters =
        [TokenParameter, "job_identifier", "status_identifier", "cancellation_reason_identifier", "cancel_provided_items", "fields_set", "note"];
    private static readonly string[] ShowParameters = [TokenParameter, "job_identifier", "fields_set"];
    private static readonly string[] ListParameters =
        [TokenParameter, "type_identifier", "accounts_receivable_identifier", "life_cycle_state", "number_of_results", "offset", "fields_set"];
    private static readonly string[] StatusesParameters = [TokenParameter, "job_type_identifier", "life_cycle_state"];
    private static readonly string[] ReasonsParameters = [TokenParameter, "job_type_identifier"];
    private static readonly string[] IdentifierParameters = ["job_identifier", "type_identifier", "accounts_receivable_identifier", "job_type_identifier"];
    private static readonly string[] AccountKeys = [EntityIdentifier.Number];

    public const int DefaultResults = 50;
    public const int MaxResults = 500;

    public static async Task<IResult> TokenAsync(HttpContext context, SignInManager<ApplicationUser> signIn, ApiTokenIssuer issuer)
    {
        var (body, bodyError) = await ApiBody.ReadAsync(context);
        if ((bodyError ?? NoQuery(context)) is { } requestError)
        {
            return ApiResult.Error(requestError);
        }
        body!.Check(TokenParameters);
        var username = body.RequiredString("username").Trim();
        var password = body.RequiredString("password");
        _ = body.String("organisation"); // accepted, as CRM.COM clients send it, and ignored: one organisation
        if (body.Error is { } error)
        {
            return ApiResult.Error(error);
        }

        var user = await signIn.UserManager.FindByNameAsync(username) ?? await signIn.UserManager.FindByEmailAsync(username);
        if (user is null)
        {
            signIn.FailUnknownAccount(password); // the same hash work as a known account's: the time taken tells nothing
            return ApiResult.Error(ApiErrorCodes.InvalidCredentials, "The username or password is not right.");
        }
        // The same lockout as the sign-in page: five wrong passwords in a row lock the account for 15 minutes.
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return ApiResult.Error(ApiErrorCodes.AccountLockedOut, "The account is locked out after too many failed sign-ins; try again later.");
        }
        if (!result.Succeeded)
        {
            return ApiResult.Error(result.IsNotAllowed
                ? ApiError.Of(CancelErrorCodes.NotAllowed, "This account may not sign in.")
                : ApiError.Of(ApiErrorCodes.InvalidCredentials, "The username or password is not right."));
        }
        return ApiResult.Ok(await issuer.IssueAsync(user));
    }

    public static async Task<IResult> CancelAsync(HttpContext context, CancellationService cancellation, ApiJobQueries queries)
    {
        var (body, bodyError) = await ApiBody.ReadAsync(context);
        if ((bodyError ?? NoQuery(context)) is { } requestError)
        {
            return ApiResult.Error(requestError);
        }
        body!.Check(CancelParameters);
        var job = body.Identifier("job_identifier", required: true);
        var status = body.Identifier("status_identifier");
        var reason = body.Identifier("cancellation_reason_identifier");
        var cancelProvided = body.Boolean("cancel_provided_items") ?? false;
        var fields = body.Fields(body.String("fields_set"));
        var note = body.String("note");
        if (body.Error is { } error)
        {
            return ApiResult.Error(error);
        }

        // The identifiers' shapes, the job's state, the status and reason rules: all the service's.
        var result = await cancellation.CancelAsync(
            new CancelJobCommand(job!, UserId(context), CancellationChannel.API, status, reason, cancelProvided, note), context.RequestAborted);
        if (!result.Succeeded)
        {
            return ApiResult.Error(ApiError.From(result.Error!));
        }
        var cancelled = await queries.GetJobAsync(result.Job!.Id, context.RequestAborted);
        return ApiResult.Ok(cancelled, fields);
    }

    public static async Task<IResult> ShowAsync(HttpContext context, ApiJobQueries queries)
    {
        var query = new ApiQuery(context.Request.Query);
        query.Check(ShowParameters, IdentifierParameters);
        var (key, value) = query.Validate(query.Identifier("job_identifier", required: true), "job_identifier", EntityIdentifier.JobKeys);
        var fields = query.Fields(query.Get("fields_set"));
        if (query.Error is { } error)
        {
            return ApiResult.Error(error);
        }
        var job = await queries.GetJobAsync(key, value, context.RequestAborted);
        return job is null
            ? ApiResult.Error(CancelErrorCodes.JobNotFound, $"No job has the {key} '{value}'.")
            : ApiResult.Ok(job, fields);
    }

    public static async Task<IResult> ListAsync(HttpContext context, ApiJobQueries queries)
    {
        var query = new ApiQuery(context.Request.Query);
        query.Check(ListParameters, IdentifierParameters);
        var typeIdentifier = query.Identifier("type_identifier");
        var (typeKey, typeValue) = query.Validate(typeIdentifier, "type_identifier", EntityIdentifier.ConfigurationKeys);
        var account = query.Identifier("accounts_receivable_identifier");
        var (_, accountNumber) = query.Validate(account, "accounts_receivable_identifier", AccountKeys);
        var state = query.State("life_cycle_state");
        var take = query.Int("number_of_results", DefaultResults, 1, MaxResults);
        var skip = query.Int("offset", 0, 0, int.MaxValue);
        var fields = query.Fields(query.Get("fields_set"));
        if (query.Error is { } error)
        {
            return ApiResult.Error(error);
        }
        int? typeId = null;
        if (typeIdentifier is not null)
        {
            var type = await queries.FindTypeAsync(typeKey, typeValue, context.RequestAborted);
            if (type is null)
            {
                return ApiResult.Error(ApiErrorCodes.JobTypeNotFound, $"No job type has the {typeKey} '{typeValue}'.");
            }
            typeId = type.Id;
        }
        var filter = new ApiJobQueries.ListFilter(typeId, account is null ? null : accountNumber.ToUpperInvariant(), state, take, skip);
        return ApiResult.Ok(await queries.ListJobsAsync(filter, context.RequestAborted), fields);
    }

    public static async Task<IResult> StatusesAsync(HttpContext context, ApiJobQueries queries)
    {
        var query = new ApiQuery(context.Request.Query);
        query.Check(StatusesParameters, IdentifierParameters);
        var (key, value) = query.Validate(query.Identifier("job_type_identifier", required: true), "job_type_identifier", EntityIdentifier.ConfigurationKeys);
        var state = query.State("life_cycle_state");
        if (query.Error is { } error)
        {
            return ApiResult.Error(error);
        }
        var type = await queries.FindTypeAsync(key, value, context.RequestAborted);
        return type is null
            ? ApiResult.Error(ApiErrorCodes.JobTypeNotFound, $"No job type has the {key} '{value}'.")
            : ApiResult.Ok(await queries.ListStatusesAsync(type, state, context.RequestAborted));
    }

    public static async Task<IResult> ReasonsAsync(HttpContext context, ApiJobQueries queries)
    {
        var query = new ApiQuery(context.Request.Query);
        query.Check(ReasonsParameters, IdentifierParameters);
        var (key, value) = query.Validate(query.Identifier("job_type_identifier", required: true), "job_type_identifier", EntityIdentifier.ConfigurationKeys);
        if (query.Error is { } error)
        {
            return ApiResult.Error(error);
        }
        var type = await queries.FindTypeAsync(key, value, context.RequestAborted);
        return type is null
            ? ApiResult.Error(ApiErrorCodes.JobTypeNotFound, $"No job type has the {key} '{value}'.")
            : ApiResult.Ok(await queries.ListReasonsAsync(type, context.RequestAborted));
    }

    public static IResult MethodNotFound(HttpContext context) => ApiResult.Error(ApiErrorCodes.MethodNotFound,
        $"There is no method {context.Request.Method} {context.Request.Path}; see /api-docs for the methods.");

    /// <summary>POST methods take every parameter in the JSON body.</summary>
    private static ApiError? NoQuery(HttpContext context) => context.Request.Query.Count == 0
        ? null
        : ApiError.Of(ApiErrorCodes.UnknownParameter,
            $"This method takes its parameters in the JSON body, not the query string ('{string.Join("', '", context.Request.Query.Keys)}').");

    private static string UserId(HttpContext context) => context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
}
