namespace JobsPortal.Features.Api;

/// <summary>
/// The API's answer to its own failures. An exception that escapes anything under
/// <see cref="JobsPortalApiExtensions.BasePath"/> (the token scheme, a method, the serializer) is logged
/// with its details and answered with the envelope, 500 and <c>INTERNAL_ERROR</c>: a sentence, never
/// the exception's text or stack, in every environment. Without this, Development's exception page
/// would show an integration the stack trace, and production's error page would answer it with HTML.
/// </summary>
public static class ApiFailures
{
    /// <summary>Place it after the app's exception handler and before routing, so it sees what the API's endpoints and its authentication throw.</summary>
    public static IApplicationBuilder UseJobsPortalApiFailures(this IApplicationBuilder app) =>
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(JobsPortalApiExtensions.BasePath, StringComparison.OrdinalIgnoreCase),
            branch => branch.Use(AnswerFailuresAsync));

    private static async Task AnswerFailuresAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiFailures))
                .LogError(e, "The API failed on {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            await ApiResult.WriteErrorAsync(context, ApiError.Of(ApiErrorCodes.InternalError,
                "The server failed while answering this request. The failure is logged; try again, and if it persists tell the administrator when it happened."));
        }
    }
}
