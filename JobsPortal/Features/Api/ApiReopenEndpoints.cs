using System.Text.Json.Serialization;
using JobsPortal.Features.Cancellation;

namespace JobsPortal.Features.Api;

/// <summary>
/// <c>jobs/all_scopes/reopen</c>: a JobsPortal extension, not a CRM.COM method. It undoes a job's current
/// cancellation through <see cref="ReopenService"/>, the same rules as the portal's Reopen dialog
/// (supervisors and admins only, a reason, the reopen window), and answers with the job.
/// </summary>
internal static class ApiReopenEndpoints
{
    public const string Path = "jobs/all_scopes/reopen";

    public static async Task<IResult> ReopenAsync(HttpContext context, ReopenService reopen, ApiJobQueries queries)
    {
        var (request, bodyError) = (await ApiBody.ReadAsync(context)).Read<ApiReopenRequest>();
        var error = bodyError ?? (context.Request.Query.Count == 0 ? null : ApiError.Of(ApiErrorCodes.UnknownParameter,
            $"This method takes its parameters in the JSON body, not the query string ('{string.Join("', '", context.Request.Query.Keys)}')."));
        if (error is not null)
        {
            return ApiResult.Error(error);
        }
        if (FieldsSet.Read(request!.FieldsSet, out var fields) is { } fieldsError)
        {
            return ApiResult.Error(fieldsError);
        }
        var result = await reopen.ReopenAsync(
            new ReopenJobCommand(request.JobIdentifier, context.User, Data.Entities.CancellationChannel.API, request.Reason), context.RequestAborted);
        return result.Succeeded
            ? ApiResult.Ok(await queries.GetJobAsync(result.Job!.Id, context.RequestAborted), fields)
            : ApiResult.Error(ApiError.From(result.Error!));
    }

    /// <summary>In the Staff group of the other job methods; the service itself admits only supervisors and admins.</summary>
    public static RouteGroupBuilder MapReopenMethod(this RouteGroupBuilder staff)
    {
        staff.MapPost(Path, ReopenAsync)
            .WithName(Path)
            .WithSummary("Reopen a cancelled job (JobsPortal extension)")
            .WithDescription("A JobsPortal extension: CRM.COM has no such method. Undoes the job's current cancellation: the job returns to the " +
                             "life cycle state and status it had before it, and the items that cancellation cancelled to the states they had; " +
                             "items cancelled before it stay cancelled. The cancellation record stays, marked reopened. Supervisor and Admin " +
                             "accounts only; `reason` is mandatory (at most 500 characters); refused past the reopen window (30 days by default). Returns the job.")
            .WithJsonBody<ApiReopenRequest>()
            .RequiresToken()
            .Produces<ApiEnvelope<ApiJob>>()
            .ProducesErrors(400, 401, 403, 404, 409);
        return staff;
    }
}

/// <summary>The body of <c>jobs/all_scopes/reopen</c> (a JobsPortal extension).</summary>
public sealed record ApiReopenRequest(
    [property: JsonPropertyName("job_identifier")] EntityIdentifier JobIdentifier,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName(ApiEndpoints.TokenParameter)] string? Token = null,
    [property: JsonPropertyName("fields_set")] string? FieldsSet = null);
