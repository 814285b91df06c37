using System.Text.Encodings.Web;
using System.Text.Json;

namespace JobsPortal.Features.Api;

/// <summary>
/// Writes CRM.COM's envelope. Success is <c>{"status":{"code":"OK",...},"data":...}</c>; a failure has
/// its code, a message saying what is wrong, the catalogue's description of the code, and null data.
/// With a <see cref="FieldsSet"/>, each job in <c>data</c> keeps only the named top-level fields.
/// </summary>
public sealed class ApiResult : IResult, IStatusCodeHttpResult
{
    // Relaxed escaping: the body is served as application/json, never inlined into HTML, so '+' and "'" stay readable.
    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly object? _data;
    private readonly FieldsSet? _fields;

    private ApiResult(int statusCode, ApiStatus status, object? data, FieldsSet? fields)
    {
        StatusCode = statusCode;
        Status = status;
        _data = data;
        _fields = fields;
    }

    public int StatusCode { get; }
    public ApiStatus Status { get; }
    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public static ApiResult Ok(object? data, FieldsSet? fields = null) =>
        new(StatusCodes.Status200OK, new ApiStatus(ApiErrorCodes.Ok, "", ""), data, fields);

    public static ApiResult Error(ApiError error) =>
        new(error.HttpStatus, new ApiStatus(error.Code, error.Message, ApiErrorCatalog.DescriptionOf(error.Code)), null, null);

    public static ApiResult Error(string code, string message) => Error(ApiError.Of(code, message));

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        await using (var writer = new Utf8JsonWriter(response.BodyWriter, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("status");
            JsonSerializer.Serialize(writer, Status, JsonOptions);
            writer.WritePropertyName("data");
            WriteData(writer);
            writer.WriteEndObject();
        }
        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }

    private void WriteData(Utf8JsonWriter writer)
    {
        if (_data is null)
        {
            writer.WriteNullValue();
            return;
        }
        if (_fields is null)
        {
            JsonSerializer.Serialize(writer, _data, _data.GetType(), JsonOptions);
            return;
        }
        var element = JsonSerializer.SerializeToElement(_data, _data.GetType(), JsonOptions);
        if (element.ValueKind == JsonValueKind.Array)
        {
            writer.WriteStartArray();
            foreach (var item in element.EnumerateArray())
            {
                _fields.Write(writer, item);
            }
            writer.WriteEndArray();
        }
        else
        {
            _fields.Write(writer, element);
        }
    }

    /// <summary>For endpoints and middleware that have no IResult pipeline (auth challenges, the rate limiter).</summary>
    public static Task WriteErrorAsync(HttpContext httpContext, ApiError error) => Error(error).ExecuteAsync(httpContext);
}

/// <summary>CRM.COM's <c>fields_set</c>: a comma separated list of the job's top-level fields to return.</summary>
public sealed class FieldsSet
{
    private readonly HashSet<string> _names;

    private FieldsSet(HashSet<string> names) => _names = names;

    /// <summary>Null or blank means every field (no filter); a name that is not a field, or no name at all (",,,"), is an error.</summary>
    public static ApiError? Read(string? value, out FieldsSet? fields)
    {
        fields = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var names = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0)
        {
            // Only commas: it asks for a filter but names nothing to keep, which would answer an empty job.
            return ApiError.Of(ApiErrorCodes.InvalidValue,
                $"fields_set '{value}' names no field; give comma separated fields such as number,status, or leave it out for all fields.");
        }
        var unknown = names.Where(n => !ApiJob.Fields.Contains(n, StringComparer.Ordinal)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            return ApiError.Of(ApiErrorCodes.UnknownField,
                $"fields_set names '{string.Join("', '", unknown)}', which the job does not have; the fields are: {string.Join(", ", ApiJob.Fields)}.");
        }
        fields = new FieldsSet(new HashSet<string>(names, StringComparer.Ordinal));
        return null;
    }

    internal void Write(Utf8JsonWriter writer, JsonElement item)
    {
        writer.WriteStartObject();
        foreach (var property in item.EnumerateObject())
        {
            if (_names.Contains(property.Name))
            {
                property.WriteTo(writer);
            }
        }
        writer.WriteEndObject();
    }
}
