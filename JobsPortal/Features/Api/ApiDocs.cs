using System.Text;
using JobsPortal.Features.Cancellation;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace JobsPortal.Features.Api;

/// <summary>Small helpers that describe the query parameters, request bodies and error envelopes in the OpenAPI document.</summary>
internal static class ApiDocs
{
    /// <summary>Lists a GET method's declared query parameters, the ones <see cref="ApiQuery"/> accepts.</summary>
    public static RouteHandlerBuilder WithQueryParameters(this RouteHandlerBuilder builder, IReadOnlyList<ApiQueryParameter> parameters) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            foreach (var parameter in parameters)
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = parameter.Name,
                    In = ParameterLocation.Query,
                    Required = parameter.Required,
                    Description = parameter.Description,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }
            return Task.CompletedTask;
        });

    /// <summary>
    /// Documents a JSON body without the Accepts metadata, which would make routing refuse a POST whose
    /// Content-Type is not application/json; the endpoints read any body as JSON and say what is wrong.
    /// </summary>
    public static RouteHandlerBuilder WithJsonBody<T>(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, ct) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, ct);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
            };
        });

    /// <summary>Marks a method as needing the token, so the reference page offers to send it.</summary>
    public static RouteHandlerBuilder RequiresToken(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer((operation, context, _) =>
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", context.Document)] = [] });
            return Task.CompletedTask;
        });

    public static RouteHandlerBuilder ProducesErrors(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            builder.Produces<ApiEnvelope<object>>(status);
        }
        return builder;
    }
}

/// <summary>The document's title, how to authenticate, and the table of error codes (from <see cref="ApiErrorCatalog"/>).</summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var description = new StringBuilder("""
            CRM.COM's jobs methods as JobsPortal offers them: a client written for CRM.COM works with only its base URL changed.

            **Authentication.** `POST /crmapi/rest/v2/authentication/token` with `username` and `password` gives a token that
            expires two hours after issue. Send it as `Authorization: Bearer <token>`, or as CRM.COM clients do: the `token`
            field of a POST body, or the `token` query parameter of a GET. Every method but the token needs the role Agent,
            Supervisor or Admin.

            **Envelope.** Every answer is `{"status": {"code", "message", "description"}, "data"}`; `code` is `OK` on success.
            Identifiers in JSON bodies are objects with exactly one key (`{"number":"J00000418"}`); in query strings they are
            written `key=value` inside the parameter (`job_identifier=number=J00000418`). Ids are strings; dates are ISO 8601
            with an offset.

            | status.code | HTTP | Meaning |
            |---|---|---|

            """);
        foreach (var entry in ApiErrorCatalog.All)
        {
            description.Append(System.Globalization.CultureInfo.InvariantCulture, $"| `{entry.Code}` | {entry.HttpStatus} | {entry.Description} |\n");
        }
        document.Info = new OpenApiInfo
        {
            Title = "JobsPortal API (CRM.COM jobs methods)",
            Version = "v2",
            Description = description.ToString(),
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The token from authentication/token.",
        };
        return Task.CompletedTask;
    }
}

/// <summary>
/// An identifier in a request record is an <see cref="EntityIdentifier"/>, read by the API's own
/// converter; the document shows it as the object clients send: one of these keys, a string (a
/// number is taken too).
/// </summary>
internal sealed class ApiIdentifierSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(EntityIdentifier))
        {
            schema.Type = JsonSchemaType.Object;
            schema.Description = "Exactly one key, e.g. {\"number\":\"J00000418\"} or {\"alternative_code\":\"CNLD\"}.";
            schema.Properties = EntityIdentifier.JobKeys.Union(EntityIdentifier.ConfigurationKeys).ToDictionary(
                key => key, IOpenApiSchema (_) => new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null });
            schema.Required = null;
        }
        return Task.CompletedTask;
    }
}
