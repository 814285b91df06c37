using JobsPortal.Data.Entities;
using JobsPortal.Features.Cancellation;
using JobsPortal.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;

namespace JobsPortal.Features.Api;

/// <summary>
/// The methods of CRM.COM's Web API that JobsPortal offers, under <c>/crmapi/rest/v2/</c>. A POST method
/// reads its JSON body into its request record (<see cref="ApiBody"/>); a GET method reads the query
/// parameters it declares here (<see cref="ApiQuery"/>). Each checks all its parameters before it
/// touches anything, and answers with <see cref="ApiResult"/>. Cancelling goes through the same
/// <see cref="CancellationService"/> as the portal's dialog, with channel API.
/// </summary>
internal static class ApiEndpoints
{
    public const string TokenParameter = "token";

    public const int DefaultResults = 50;
    public const int MaxResults = 500;

    // The GET methods' query parameters; the OpenAPI document lists them from here too.
    private const string TypeKeys = "id=…, name=… or alternative_code=…";
    private static readonly ApiQueryParameter JobIdentifier =
        new("job_identifier", "The job, as key=value: number=J00000418 or id=418.", Required: true, EntityIdentifier.JobKeys);
    private static readonly ApiQueryParameter TypeIdentifier =
        new("type_identifier", $"The job type, as key=value: {TypeKeys}", IdentifierKeys: EntityIdentifier.ConfigurationKeys);
    private static readonly ApiQueryParameter AccountIdentifier =
        new("accounts_receivable_identifier", "The customer account, as number=ACR000123.", IdentifierKeys: [EntityIdentifier.Number]);
    private static readonly ApiQueryParameter JobTypeIdentifier =
        new("job_type_identifier", $"The job type, as key=value: {TypeKeys}", Required: true, EntityIdentifier.ConfigurationKeys);
    private static readonly ApiQueryParameter State =
        new("life_cycle_state", $"{string.Join(", ", Enum.GetNames<LifeCycleState>())} (IN PROGRESS, with a space, is taken too).");
    private static readonly ApiQueryParameter NumberOfResults =
        new("number_of_results", $"How many jobs to return: 1 to {MaxResults}, default {DefaultResults}.");
    private static readonly ApiQueryParameter Offset = new("offset", "How many jobs to skip; default 0.");

    internal static readonly ApiQueryParameter[] ShowParameters = [JobIdentifier, ApiQueryParameter.FieldsSet, ApiQueryParameter.Token];
    internal static readonly ApiQueryParameter[] ListParameters =
        [TypeIdentifier, AccountIdentifier, State, NumberOfResults, Offset, ApiQueryParameter.FieldsSet, ApiQueryParameter.Token];
    internal static readonly ApiQueryParameter[] StatusesParameters =
        [JobTypeIdentifier, State with { Description = "Only the statuses of this life cycle state." }, ApiQueryParameter.Token];
    internal static readonly ApiQueryParameter[] ReasonsParameters = [JobTypeIdentifier, ApiQueryParameter.Token];

    public static async Task<IResult> TokenAsync(HttpContext context, SignInManager<ApplicationUser> signIn, ApiTokenIssuer issuer)
    {
        var (request, bodyError) = (await ApiBody.ReadAsync(context)).Read<ApiTokenRequest>();
        if ((bodyError ?? NoQuery(context)) is { } requestError)
        {
            return ApiResult.Error(requestError);
        }
        // organisation is accepted, as CRM.COM clients send it, and ignored: there is one organisation.
        var username = request!.Username.Trim();
        var password = request.Password;

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

    public static async Task<IResult> CancelAsync(HttpContext context, CancellationService cancellation)
    {
        var (request, bodyError) = (await ApiBody.ReadAsync(context)).Read<ApiCancelRequest>();
        if ((bodyError ?? NoQuery(context)) is { } requestError)
        {
            return ApiResult.Error(requestError);
        }
        if (FieldsSet.Read(request!.FieldsSet, out var fields) is { } error)
        {
            return ApiResult.Error(error);
        }
        var job = request.JobIdentifier;
        var status = request.StatusIdentifier;
        var reason = request.CancellationReasonIdentifier;
        var cancelProvided = request.CancelProvidedItems ?? false;
        var note = request.Note;

        // The identifiers' shapes, the job's state, the status and reason rules: all the service's.
        var result = await cancellation.CancelAsync(
            new CancelJobCommand(job!, context.User, CancellationChannel.API, status, reason, cancelProvided, note), context.RequestAborted);
        if (!result.Succeeded)
        {
            return ApiResult.Error(ApiError.From(result.Error!));
        }
        // The job as the cancel left it, from what the cancel read and wrote: no further query.
        return ApiResult.Ok(ApiJobQueries.From(result.Job!), fields);
    }

    public static async Task<IResult> ShowAsync(HttpContext context, ApiJobQueries queries)
    {
        var query = ApiQuery.Read(context, ShowParameters);
        var (key, value) = query.Identifier(JobIdentifier);
        var fields = query.Fields();
        if (query.Error is { } error)
        {
            return ApiResult.Error(error);
        }
        var job = await queries.GetJobAsync(key, value, context.RequestAborted);
        return job is null
            ? ApiResult.Error(CancelErrorCodes.JobNotFound, $"No job has the {key} '{value}'.")
            : ApiResult.Ok(job, fields);
    }

    public static async Task<IResult> ListAsync(HttpContext context, ApiJobQueries queries, CancelConfiguration configuration)
    {
        var query = ApiQuery.Read(context, ListParameters);
        var (typeKey, typeValue) = query.Identifier(TypeIdentifier);
        var (_, accountNumber) = query.Identifier(AccountIdentifier);
        var state = query.State(State);
        var take = query.Int(NumberOfResults, DefaultResults, 1, MaxResults);
        var skip = query.Int(Offset, 0, 0, int.MaxValue);
        var fields = query.Fields();
        if (query.Error is { } error)
        {
            return ApiResult.Error(error);
        }
        int? typeId = null;
        if (query.Has(TypeIdentifier))
        {
            var type = await configuration.FindTypeAsync(typeKey, typeValue, context.RequestAborted);
            if (type is null)
            {
                return ApiResult.Error(ApiErrorCodes.JobTypeNotFound, $"No job type has the {typeKey} '{typeValue}'.");
            }
            typeId = type.Id;
        }
        var filter = new ApiJobQueries.ListFilter(typeId, query.Has(AccountIdentifier) ? accountNumber.ToUpperInvariant() : null, state, take, skip);
        return ApiResult.Ok(await queries.ListJobsAsync(filter, context.RequestAborted), fields);
    }

    public static async Task<IResult> StatusesAsync(HttpContext context, ApiJobQueries queries, CancelConfiguration configuration)
    {
        var query = ApiQuery.Read(context, StatusesParameters);
        var (key, value) = query.Identifier(JobTypeIdentifier);
        var state = query.State(State);
        if (query.Error is { } error)
        {
            return ApiResult.Error(error);
        }
        var type = await configuration.FindTypeAsync(key, value, context.RequestAborted);
        return type is null
            ? ApiResult.Error(ApiErrorCodes.JobTypeNotFound, $"No job type has the {key} '{value}'.")
            : ApiResult.Ok(await queries.ListStatusesAsync(type, state, context.RequestAborted));
    }

    public static async Task<IResult> ReasonsAsync(HttpContext context, ApiJobQueries queries, CancelConfiguration configuration)
    {
        var query = ApiQuery.Read(context, ReasonsParameters);
        var (key, value) = query.Identifier(JobTypeIdentifier);
        if (query.Error is { } error)
        {
            return ApiResult.Error(error);
        }
        var type = await configuration.FindTypeAsync(key, value, context.RequestAborted);
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
}
