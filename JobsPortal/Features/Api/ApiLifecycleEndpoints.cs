using JobsPortal.Features.Cancellation;
using JobsPortal.Features.Lifecycle;

namespace JobsPortal.Features.Api;

/// <summary>
/// CRM.COM's create, start progress and complete methods. Each reads its request record strictly
/// (<see cref="ApiBody"/>), hands the rules to the life cycle services (the same ones the portal's
/// dialogs call, with channel API) and answers with the job as <c>jobs/all_scopes/show</c> gives it.
/// </summary>
internal static class ApiLifecycleEndpoints
{
    public static async Task<IResult> CreateAsync(HttpContext context, JobCreationService creation, ApiJobQueries queries)
    {
        var (request, error) = await ReadAsync<ApiCreateJobRequest>(context);
        if (error is not null)
        {
            return ApiResult.Error(error);
        }
        if (FieldsSet.Read(request!.FieldsSet, out var fields) is { } fieldsError)
        {
            return ApiResult.Error(fieldsError);
        }
        var (command, valueError) = request.ToCommand(context.User);
        if (valueError is not null)
        {
            return ApiResult.Error(valueError);
        }
        return await AnswerAsync(await creation.CreateAsync(command!, context.RequestAborted), queries, fields, context);
    }

    public static async Task<IResult> StartProgressAsync(HttpContext context, JobLifecycleService lifecycle, ApiJobQueries queries)
    {
        var (request, error) = await ReadAsync<ApiStartProgressRequest>(context);
        if (error is not null)
        {
            return ApiResult.Error(error);
        }
        if (FieldsSet.Read(request!.FieldsSet, out var fields) is { } fieldsError)
        {
            return ApiResult.Error(fieldsError);
        }
        var command = new JobTransitionCommand(request.JobIdentifier, context.User, Data.Entities.CancellationChannel.API, request.StatusIdentifier);
        return await AnswerAsync(await lifecycle.StartAsync(command, context.RequestAborted), queries, fields, context);
    }

    public static async Task<IResult> CompleteAsync(HttpContext context, JobLifecycleService lifecycle, ApiJobQueries queries)
    {
        var (request, error) = await ReadAsync<ApiCompleteRequest>(context);
        if (error is not null)
        {
            return ApiResult.Error(error);
        }
        if (FieldsSet.Read(request!.FieldsSet, out var fields) is { } fieldsError)
        {
            return ApiResult.Error(fieldsError);
        }
        var command = new JobTransitionCommand(request.JobIdentifier, context.User, Data.Entities.CancellationChannel.API, request.StatusIdentifier);
        return await AnswerAsync(await lifecycle.CompleteAsync(command, context.RequestAborted), queries, fields, context);
    }

    private static async Task<(T? Request, ApiError? Error)> ReadAsync<T>(HttpContext context) where T : class
    {
        var (request, bodyError) = (await ApiBody.ReadAsync(context)).Read<T>();
        var queryError = context.Request.Query.Count == 0 ? null : ApiError.Of(ApiErrorCodes.UnknownParameter,
            $"This method takes its parameters in the JSON body, not the query string ('{string.Join("', '", context.Request.Query.Keys)}').");
        return (request, bodyError ?? queryError);
    }

    private static async Task<IResult> AnswerAsync(JobResult<JobMoved> result, ApiJobQueries queries, FieldsSet? fields, HttpContext context)
    {
        if (!result.Succeeded)
        {
            return ApiResult.Error(ApiError.From(result.Error!));
        }
        return ApiResult.Ok(await queries.GetJobAsync(result.Job!.Id, context.RequestAborted), fields);
    }
}

/// <summary>The life cycle methods' routes, in the Staff group the other job methods use.</summary>
internal static class ApiLifecycleRoutes
{
    public static RouteGroupBuilder MapLifecycleMethods(this RouteGroupBuilder staff)
    {
        staff.MapPost("jobs/generic_purpose/create", ApiLifecycleEndpoints.CreateAsync)
            .WithName("jobs/generic_purpose/create")
            .WithSummary("Create a job of fulfillment scope GENERIC_PURPOSE")
            .WithDescription("Creates one job and returns it. Without status_identifier it is PENDING, in the type's first configured PENDING status. " +
                             "The number is allocated by JobsPortal. `account_name`, `assigned_to_user_identifier`, `assigned_to_unit_identifier` and `items` are JobsPortal extensions.")
            .WithJsonBody<ApiCreateJobRequest>()
            .RequiresToken()
            .Produces<ApiEnvelope<ApiJob>>()
            .ProducesErrors(400, 401, 403, 404, 409);
        staff.MapPost("jobs/all_scopes/start_progress", ApiLifecycleEndpoints.StartProgressAsync)
            .WithName("jobs/all_scopes/start_progress")
            .WithSummary("Start progress on a job")
            .WithDescription("A PENDING job goes IN_PROGRESS, with the given status or the type's default start status. Returns the job.")
            .WithJsonBody<ApiStartProgressRequest>()
            .RequiresToken()
            .Produces<ApiEnvelope<ApiJob>>()
            .ProducesErrors(400, 401, 403, 404, 409);
        staff.MapPost("jobs/all_scopes/complete", ApiLifecycleEndpoints.CompleteAsync)
            .WithName("jobs/all_scopes/complete")
            .WithSummary("Complete a job")
            .WithDescription("An IN_PROGRESS job goes COMPLETED, with the given status or the type's default complete status; its pending items become PROVIDED. Returns the job.")
            .WithJsonBody<ApiCompleteRequest>()
            .RequiresToken()
            .Produces<ApiEnvelope<ApiJob>>()
            .ProducesErrors(400, 401, 403, 404, 409);
        return staff;
    }
}
